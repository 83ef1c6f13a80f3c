package org.ntk.bench.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.ntk.core.io.AtomicFile;

/**
 * Writes several output files of one command so that a failed run changes none of them: every file
 * is first written completely, and synced, to a hidden temporary file beside its target; only when all
 * are on disk are they renamed over their targets, in the order they were added.
 *
 * <p>Guarantees: if writing any content fails (disk full, permission denied, a writer that throws),
 * no target is touched and every temporary file is deleted. If a rename fails after earlier ones
 * succeeded (practically never: all renames are within one directory per target, onto names checked
 * beforehand), the earlier targets are put back as they were: a target that existed before is
 * restored from a hidden backup (renamed aside before it was replaced), and one that did not exist is
 * deleted. So a reader may, for an instant, see the new version of an earlier file beside the old
 * version of a later one, but never a partial file, and after {@link #commit()} returns or throws, the
 * files are either all new or all as before. A JVM killed during {@link #commit()} can leave hidden
 * {@code .NAME.RANDOM.staged} or {@code .NAME.RANDOM.backup} files behind.
 *
 * <p>For one file, {@link AtomicFile#write} alone does the same. Not thread-safe; one instance per run.
 */
final class StagedOutputs {

    private final Map<Path, AtomicFile.Content> files = new LinkedHashMap<>();

    /**
     * Adds a file to write; nothing is written until {@link #commit()}.
     *
     * @param target the file to create or replace; its directory must exist
     * @param content its content
     * @throws IllegalArgumentException if the target was already added
     */
    StagedOutputs add(Path target, AtomicFile.Content content) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path key = target.toAbsolutePath().normalize();
        if (files.containsKey(key)) {
            throw new IllegalArgumentException("target " + target + " must be written once, got it twice");
        }
        files.put(key, content);
        return this;
    }

    /**
     * Writes every file to a temporary name, then renames them all over their targets.
     *
     * @throws UncheckedIOException naming the target if a write or rename fails; the targets are then as
     *     before the call
     * @throws RuntimeException whatever a content writer throws, unchanged, with nothing changed
     */
    void commit() {
        List<Path> targets = new ArrayList<>(files.keySet());
        List<Path> staged = new ArrayList<>();
        try {
            for (Path target : targets) {
                staged.add(stage(target, files.get(target)));
            }
        } catch (RuntimeException e) {
            deleteQuietly(staged);
            throw e;
        }
        List<Path> backups = new ArrayList<>();
        int done = 0;
        try {
            for (; done < targets.size(); done++) {
                backups.add(replace(staged.get(done), targets.get(done)));
            }
        } catch (IOException e) {
            rollBack(targets, backups, done);
            deleteQuietly(staged);
            throw new UncheckedIOException(targets.get(done) + ": cannot write, " + describe(e), e);
        }
        for (Path backup : backups) {
            if (backup != null) {
                deleteQuietly(List.of(backup));
            }
        }
    }

    /**
     * Renames {@code staged} over {@code target}, first renaming an existing target aside.
     *
     * @return the backup of the old target, or null if there was none
     * @throws IOException if a rename fails; the target is then as before
     */
    private static Path replace(Path staged, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(staged, target);
            return null;
        }
        Path backup = temporary(target, "backup");
        try {
            move(target, backup);
        } catch (IOException e) {
            deleteQuietly(List.of(backup));
            throw e;
        }
        try {
            move(staged, target);
        } catch (IOException e) {
            move(backup, target);
            throw e;
        }
        return backup;
    }

    /** Puts the first {@code done} targets back as they were. */
    private static void rollBack(List<Path> targets, List<Path> backups, int done) {
        for (int i = done - 1; i >= 0; i--) {
            try {
                if (backups.get(i) != null) {
                    move(backups.get(i), targets.get(i));
                } else {
                    Files.deleteIfExists(targets.get(i));
                }
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
        }
    }

    private static Path stage(Path target, AtomicFile.Content content) {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UncheckedIOException(target + ": cannot write, directory " + dir + " does not exist",
                    new IOException(String.valueOf(dir)));
        }
        Path tmp;
        try {
            tmp = temporary(target, "staged");
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write, " + describe(e), e);
        }
        boolean ok = false;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream raw = Channels.newOutputStream(ch);
            BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 16);
            content.writeTo(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            });
            out.flush();
            ch.force(true);
            ok = true;
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write, " + describe(e), e);
        } finally {
            if (!ok) {
                deleteQuietly(List.of(tmp));
            }
        }
    }

    /** Creates an empty hidden file {@code .NAME.RANDOM.KIND} beside the target. */
    private static Path temporary(Path target, String kind) throws IOException {
        Path dir = target.getParent();
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path tmp = dir.resolve("." + target.getFileName() + "." + suffix + "." + kind);
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A short description of an I/O failure, without the exception class name. */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    private static void deleteQuietly(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
