package org.ntk.core.io;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a hidden temporary file in the target's
 * directory, which is renamed over the target only after the writer has finished and the bytes are on
 * disk.
 *
 * <p>Guarantees: a reader of the target sees either the old file (or no file) or the complete new
 * one, never a partial one; if the writer throws, the temporary file is deleted and an existing target
 * is left untouched. The rename is {@link StandardCopyOption#ATOMIC_MOVE} (a POSIX {@code rename});
 * on a file system that cannot rename atomically it falls back to a plain replacing move, which is
 * still never partial on local file systems. The temporary file is named {@code .NAME.RANDOM.tmp};
 * only a JVM killed during the write itself (not during the computation before it) can leave one
 * behind. The new file gets the default permissions (the process umask), not those of the file it
 * replaces.
 *
 * <p>Used by {@link Npy} and by the command-line application for every output ({@code .npy},
 * {@code .json}, {@code .csv}, {@code .png}, {@code .md}). Stateless and thread-safe; two concurrent
 * writes to the same target both succeed and the last rename wins.
 */
public final class AtomicFile {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {

        /**
         * Writes the whole content to {@code out}; {@code out} is buffered and must not be closed.
         *
         * @param out the destination
         * @throws IOException if writing fails; the target is then left untouched
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Content that can also write itself straight to the file's channel: large binary arrays then go
     * from a direct buffer to the file without the copies of a stream (a heap byte array, and the
     * native copy that {@code FileOutputStream} makes of every large write). {@link #write} uses the
     * channel; other consumers of a {@link Content} may still call {@link #writeTo(OutputStream)}, which
     * must produce the same bytes.
     */
    public interface ChannelContent extends Content {

        /**
         * Writes the whole content to {@code channel}, which must not be closed.
         *
         * @param channel the destination, positioned at the start of the file
         * @throws IOException if writing fails; the target is then left untouched
         */
        void writeTo(WritableByteChannel channel) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target} atomically with the bytes that {@code content} produces.
     *
     * @param target the file to create or replace. Its directory must exist.
     * @param content the writer of the content
     * @throws UncheckedIOException if the target's directory is missing or not writable, the target
     *     is a directory, or the writer throws an {@link IOException}; the message names the target
     * @throws RuntimeException whatever {@code content} throws, unchanged, after the clean-up
     */
    public static void write(Path target, Content content) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path name = target.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("target must name a file, got '" + target + "'");
        }
        if (Files.isDirectory(target)) {
            throw new UncheckedIOException(target + ": cannot write, it is a directory",
                    new IOException(target + " is a directory"));
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UncheckedIOException(target + ": cannot write, directory " + dir + " does not exist",
                    new NoSuchFileException(String.valueOf(dir)));
        }
        Path tmp = createTemp(dir, name.toString(), target);
        boolean moved = false;
        try {
            if (content instanceof ChannelContent) {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ((ChannelContent) content).writeTo(channel);
                    channel.force(true);
                }
            } else {
                try (FileOutputStream fos = new FileOutputStream(tmp.toFile());
                     BufferedOutputStream out = new BufferedOutputStream(fos, 1 << 16)) {
                    content.writeTo(new NonClosingOutputStream(out));
                    out.flush();
                    fos.getFD().sync();
                }
            }
            move(tmp, target);
            moved = true;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write, " + describe(e), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }

    private static Path createTemp(Path dir, String name, Path target) {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path tmp = dir.resolve("." + name + "." + suffix + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw new UncheckedIOException(target + ": cannot create a temporary file in " + dir, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(target + ": cannot write, " + describe(e), e);
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A short description of an I/O failure, without the exception class name. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    /** Keeps the writer from closing the stream that {@link #write} still has to flush and sync. */
    private static final class NonClosingOutputStream extends OutputStream {
        private final OutputStream out;

        NonClosingOutputStream(OutputStream out) {
            this.out = out;
        }

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
    }
}
