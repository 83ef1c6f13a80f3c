package org.ntk.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk.core.kernel.KernelMatrix;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesNewFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFile.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals("hello", Files.readString(target));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void replacesExistingFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old content that is longer");
        AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void failingWriterLeavesExistingFileUntouchedAndCleansUp() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "good");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]); // more than the buffer, so bytes reach the temporary file
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().startsWith(target + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("good", Files.readString(target));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void runtimeExceptionFromWriterPropagatesUnchanged() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "good");
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            out.write(1);
            throw boom;
        }));
        assertSame(boom, e);
        assertEquals("good", Files.readString(target));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void failingNpyWriteLeavesExistingFileUntouched() throws IOException {
        Path target = dir.resolve("k.npy");
        Npy.write(target, new double[] {1, 2, 3});
        byte[] before = Files.readAllBytes(target);
        KernelMatrix failing = new KernelMatrix() {
            @Override
            public int size() {
                return 300; // 720 kB: the failure comes after more than one 64 KiB buffer was written
            }

            @Override
            public double get(int i, int j) {
                if (i == 200) {
                    throw new IllegalStateException("row 200 failed");
                }
                return i + j;
            }

            @Override
            public double trace() {
                return 0;
            }

            @Override
            public void multiply(double[] v, double[] out) {
                throw new UnsupportedOperationException();
            }
        };
        assertThrows(IllegalStateException.class, () -> Npy.write(target, failing));
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("k.npy"), names());
    }

    @Test
    void writerMayCloseTheStream() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFile.write(target, out -> {
            out.write('x');
            out.close();
        });
        assertEquals("x", Files.readString(target));
    }

    @Test
    void missingDirectoryIsReportedAndNothingIsCreated() throws IOException {
        Path target = dir.resolve("no-such-dir").resolve("out.txt");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFile.write(target, out -> out.write(1)));
        assertTrue(e.getMessage().startsWith(target + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void directoryTargetIsRejected() throws IOException {
        Path target = Files.createDirectory(dir.resolve("sub"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFile.write(target, out -> out.write(1)));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of("sub"), names());
    }

    @Test
    void nullArgumentsAreNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> AtomicFile.write(null, out -> { }));
        assertEquals("target", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> AtomicFile.write(dir.resolve("a"), null));
        assertEquals("content", e.getMessage());
        assertFalse(Files.exists(dir.resolve("a")));
    }
}
