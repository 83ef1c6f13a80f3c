package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class FigureTest {

    private static BufferedImage decode(byte[] png) throws IOException {
        // PNG signature: 0x89 'P' 'N' 'G' CR LF 0x1A LF (PNG specification §5.2)
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (int i = 0; i < sig.length; i++) {
            assertEquals(sig[i], png[i], "PNG signature byte " + i);
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "ImageIO could not decode the PNG");
        return img;
    }

    @Test
    void rendersPngOfDefaultAndCustomSize() throws IOException {
        Figure f = Figure.builder("t").xAxis("x (units)").yAxis("y (units)")
                .points("obs", new double[] {1, 2, 3}, new double[] {1, 4, 9})
                .line("theory", new double[] {1, 3}, new double[] {1, 9}).build();
        BufferedImage img = decode(f.toPng());
        assertEquals(Figure.DEFAULT_WIDTH, img.getWidth());
        assertEquals(Figure.DEFAULT_HEIGHT, img.getHeight());
        BufferedImage small = decode(Figure.builder("t").xAxis("x").yAxis("y").size(400, 300)
                .points("obs", new double[] {1}, new double[] {2}).build().toPng());
        assertEquals(400, small.getWidth());
        assertEquals(300, small.getHeight());
    }

    @Test
    void horizontalAndIdentityLinesSpanTheData() {
        Figure f = Figure.builder("t").xAxis("x").yAxis("y")
                .points("obs", new double[] {2, 5, 3}, new double[] {7, 1, 4})
                .horizontalLine("level", 3.5, true)
                .identityLine("y = x").build();
        List<Figure.Series> s = f.series();
        assertEquals(Figure.Style.DASHED_LINE, s.get(1).style());
        assertArrayEquals(new double[] {2, 5}, s.get(1).x(), 0.0);
        assertArrayEquals(new double[] {3.5, 3.5}, s.get(1).y(), 0.0);
        // identity line: from min over x and y (1) to max over x and y (7)
        assertArrayEquals(new double[] {1, 7}, s.get(2).x(), 0.0);
        assertArrayEquals(new double[] {1, 7}, s.get(2).y(), 0.0);
    }

    @Test
    void seriesArraysAreCopied() {
        double[] x = {1, 2};
        double[] y = {3, 4};
        Figure f = Figure.builder("t").xAxis("x").yAxis("y").points("p", x, y).build();
        x[0] = 99;
        f.series().get(0).y()[0] = 99;
        assertEquals(1, f.series().get(0).x()[0], 0.0);
        assertEquals(3, f.series().get(0).y()[0], 0.0);
    }

    @Test
    void rejectsBadData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figure.builder("t").xAxis("x").yAxis("y").logY()
                        .points("p", new double[] {1, 2}, new double[] {1, 0}).build());
        assertTrue(e.getMessage().contains("y[1]") && e.getMessage().contains("logarithmic"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Figure.builder("t").yAxis("y")
                .points("p", new double[] {1}, new double[] {1}).build());
        assertTrue(e.getMessage().startsWith("xAxis "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Figure.builder("t").xAxis("x")
                .yAxis("y").points("p", new double[] {1, 2}, new double[] {1}).build());
        assertTrue(e.getMessage().contains("\"p\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Figure.builder("t").xAxis("x")
                .yAxis("y").points("p", new double[] {Double.NaN}, new double[] {1}).build());
        assertTrue(e.getMessage().contains("x[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Figure.builder("t").xAxis("x")
                .yAxis("y").points("p", new double[] {1}, new double[] {1})
                .line("p", new double[] {1}, new double[] {1}).build());
        assertTrue(e.getMessage().startsWith("name "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Figure.builder("t").xAxis("x")
                .yAxis("y").horizontalLine("only a level", 1, false).build());
        assertTrue(e.getMessage().startsWith("series "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Figure.builder("t").size(100, 500));
        assertTrue(e.getMessage().startsWith("widthPixels "), e.getMessage());
        assertThrows(NullPointerException.class, () -> Figure.builder(null));
    }

    @Test
    void explicitColoursAreSharedByPointsAndLines() {
        Figure f = Figure.builder("t").xAxis("x").yAxis("y")
                .points("a observed", 2, new double[] {1, 2}, new double[] {1, 2})
                .line("a theory", 2, new double[] {1, 2}, new double[] {1, 2})
                .dashedLine("a other", 2, new double[] {1, 2}, new double[] {2, 3})
                .points("b observed", new double[] {1, 2}, new double[] {3, 4})
                .build();
        assertEquals(2, f.series().get(0).colour());
        assertEquals(Figure.AUTOMATIC_COLOUR, f.series().get(3).colour());
        var chart = f.toChart();
        java.awt.Color point = chart.getSeriesMap().get("a observed").getMarkerColor();
        assertEquals(point, chart.getSeriesMap().get("a theory").getLineColor());
        assertEquals(point, chart.getSeriesMap().get("a other").getLineColor());
        // the automatic series takes the first colour of the palette, not index 2's
        assertTrue(!point.equals(chart.getSeriesMap().get("b observed").getMarkerColor()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figure.builder("t")
                .points("p", -1, new double[] {1}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("colour "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Figure.Series("s", Figure.Style.LINE, new double[] {1}, new double[] {1}, -2));
        assertTrue(e.getMessage().startsWith("colour "), e.getMessage());
    }
}
