package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputsTest {

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesEveryFileAndLeavesNoTemporaries() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "old b");
        new StagedOutputs().add(a, o -> o.write(utf8("new a"))).add(b, o -> o.write(utf8("new b"))).commit();
        assertEquals("new a", Files.readString(a));
        assertEquals("new b", Files.readString(b));
        assertEquals(List.of("a.json", "b.csv"), files());
    }

    @Test
    void aFailingWriterChangesNothing() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "old a");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new StagedOutputs()
                .add(a, o -> o.write(utf8("new a")))
                .add(b, o -> {
                    o.write(utf8("partial"));
                    throw new IOException("disk full");
                })
                .commit());
        assertTrue(e.getMessage().contains("b.csv") && e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("old a", Files.readString(a));
        assertEquals(List.of("a.json"), files());

        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> new StagedOutputs()
                .add(b, o -> o.write(utf8("new b")))
                .add(a, o -> {
                    throw bug;
                })
                .commit()));
        assertEquals("old a", Files.readString(a));
        assertEquals(List.of("a.json"), files());
    }

    @Test
    void aFailingSecondRenameRestoresTheFirstTarget() throws IOException {
        // the second target is a non-empty directory: a file cannot be renamed over it (EISDIR), nor it aside
        // over a file (ENOTDIR), so the commit fails after the first rename
        Path a = dir.resolve("a.json");
        Path blocked = Files.createDirectory(dir.resolve("b.csv"));
        Files.writeString(blocked.resolve("inside"), "x");

        Files.writeString(a, "old a");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new StagedOutputs()
                .add(a, o -> o.write(utf8("new a")))
                .add(blocked, o -> o.write(utf8("new b")))
                .commit());
        assertTrue(e.getMessage().contains("b.csv"), e.getMessage());
        assertEquals("old a", Files.readString(a));
        assertEquals("x", Files.readString(blocked.resolve("inside")));
        assertEquals(List.of("a.json", "b.csv"), files());

        // a first target that did not exist before is removed again
        Files.delete(a);
        assertThrows(UncheckedIOException.class, () -> new StagedOutputs()
                .add(a, o -> o.write(utf8("new a")))
                .add(blocked, o -> o.write(utf8("new b")))
                .commit());
        assertEquals(List.of("b.csv"), files());
    }

    @Test
    void rejectsTheSameTargetTwice() {
        Path a = dir.resolve("a");
        StagedOutputs s = new StagedOutputs().add(a, o -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.add(dir.resolve(".").resolve("a"), o -> { }));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
        assertThrows(NullPointerException.class, () -> s.add(null, o -> { }));
    }
}
