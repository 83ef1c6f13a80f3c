package org.ntk.bench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a part: the
 * bytes go to a temporary file in the target's directory, which is then renamed onto the target.
 *
 * <p>Package-private on purpose: it is the report's own copy of the write-then-rename idiom; when
 * {@code org.ntk.core.io} offers an equivalent, this class should give way to it.
 */
final class AtomicWrite {

    /** Produces the bytes of a file on a stream; may throw {@link IOException}. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicWrite() {
    }

    /**
     * Writes {@code content} to {@code target} atomically (temporary file + rename).
     *
     * @throws UncheckedIOException if the directory is not writable or the rename fails; the target
     *     is then unchanged and the temporary file removed
     */
    static void write(Path target, Content content) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = freshPath(dir, "." + target.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage()
                    + " (check that the directory exists and is writable)", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }

    /**
     * A path {@code dir/prefix<random hex>suffix} that does not exist yet. Unlike {@code
     * Files.createTempFile} the file is created later with the default permissions (umask), so the
     * published file has ordinary permissions rather than owner-only ones.
     */
    static Path freshPath(Path dir, String prefix, String suffix) {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + suffix);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || attempt > 100) {
                return p;
            }
        }
    }

    /**
     * Creates a new directory {@code dir/prefix<random hex>} with the default permissions.
     *
     * @throws IOException if it cannot be created
     */
    static Path createFreshDirectory(Path dir, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(freshPath(dir, prefix, ""));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    static void write(Path target, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /**
     * Renames {@code source} onto {@code target} (replacing it) in one atomic step where the file
     * system supports it, else with a plain replacing move.
     */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
