package org.ntk.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ntk.core.io.AtomicFile;

/**
 * Writes {@link Figure}s as PNG files into one directory, each atomically (temporary file in the
 * same directory, then rename), and remembers what it wrote.
 *
 * <p>File names are {@code <name>.png} with {@code name} made of lower-case letters, digits and
 * hyphens (so they need no escaping in Markdown links); a name may be written once.
 *
 * <p>Not thread-safe: one report section writes at a time.
 */
public final class PlotWriter {

    private final Path directory;
    private final List<Path> written = new ArrayList<>();

    /**
     * A writer into {@code directory}, which must exist.
     *
     * @throws IllegalArgumentException if directory is not an existing directory
     */
    public PlotWriter(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("directory must be an existing directory, got "
                    + directory);
        }
        this.directory = directory;
    }

    /** The directory written into. */
    public Path directory() {
        return directory;
    }

    /**
     * Renders {@code figure} and writes it to {@code <directory>/<name>.png} atomically.
     *
     * @param name the file name without extension: {@code [a-z0-9][a-z0-9-]*}, not yet written
     * @return the file written
     * @throws IllegalArgumentException if the name is malformed or already used
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public Path write(String name, Figure figure) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(figure, "figure");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "name must be lower-case letters, digits and hyphens, got \"" + name + "\"");
        }
        Path target = directory.resolve(name + ".png");
        if (written.contains(target)) {
            throw new IllegalArgumentException("name must be new, got \"" + name
                    + "\" which was already written");
        }
        byte[] png = figure.toPng();
        AtomicFile.write(target, o -> o.write(png));
        written.add(target);
        return target;
    }

    /** The files written so far, in order. */
    public List<Path> written() {
        return List.copyOf(written);
    }
}
