package org.ntk.bench.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file-system steps of the report's all-or-nothing publishing: a fresh hidden directory next
 * to the output, renames that are atomic where the file system allows, and best-effort clean-up.
 * Single files are written with {@code org.ntk.core.io.AtomicFile}.
 *
 * <p>Package-private; stateless.
 */
final class StagingDirectory {

    private StagingDirectory() {
    }

    /**
     * Creates the new directory {@code parent/prefix<random>} with the default permissions (the
     * process umask, unlike {@code Files.createTempDirectory}, which makes it owner-only, so the
     * published directory would be too).
     *
     * @throws IOException if it cannot be created
     */
    static Path create(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createDirectory(parent.resolve(prefix + suffix));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Renames {@code source} onto {@code target} (a file replacing a file, or a directory onto a
     * path that does not exist) in one atomic step where supported, else with a plain move.
     */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code p} and everything under it, ignoring failures (a leftover is harmless). */
    static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try {
            if (Files.isDirectory(p)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                    for (Path c : ds) {
                        deleteRecursively(c);
                    }
                }
            }
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
