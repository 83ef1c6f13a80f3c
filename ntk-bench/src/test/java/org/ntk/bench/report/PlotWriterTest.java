package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotWriterTest {

    @TempDir
    Path dir;

    private static Figure figure() {
        return Figure.builder("t").xAxis("x").yAxis("y")
                .points("p", new double[] {1, 2}, new double[] {3, 4}).build();
    }

    @Test
    void writesReadablePngAndNothingElse() throws IOException {
        PlotWriter w = new PlotWriter(dir);
        Path p = w.write("fim-spectrum", figure());
        assertEquals(dir.resolve("fim-spectrum.png"), p);
        BufferedImage img = ImageIO.read(p.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(520, img.getHeight());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(p), s.toList(), "no temporary file may remain");
        }
        assertEquals(List.of(p), w.written());
    }

    @Test
    void rejectsBadOrRepeatedNames() {
        PlotWriter w = new PlotWriter(dir);
        w.write("a", figure());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.write("a", figure()));
        assertTrue(e.getMessage().startsWith("name "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.write("Bad Name", figure()));
        assertTrue(e.getMessage().startsWith("name "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.write("../x", figure()));
        assertTrue(e.getMessage().startsWith("name "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new PlotWriter(dir.resolve("missing")));
        assertTrue(e.getMessage().startsWith("directory "), e.getMessage());
    }
}
