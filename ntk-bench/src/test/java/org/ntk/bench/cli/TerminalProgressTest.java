package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void disabledPrintsNothing() {
        StringWriter sw = new StringWriter();
        try (TerminalProgress p = new TerminalProgress(new PrintWriter(sw), "ntk gram", false)) {
            p.phase("reading X.npy");
            p.progress("gram", 1, 2);
            p.progress("gram", 2, 2);
        }
        assertEquals("", sw.toString());
    }

    @Test
    void enabledRedrawsOneLineAndErasesItOnClose() {
        StringWriter sw = new StringWriter();
        TerminalProgress p = new TerminalProgress(new PrintWriter(sw), "ntk gram", true);
        p.progress("gram", 0, 4);
        p.progress("gram", 0, 4); // same percentage: no redraw
        p.progress("gram", 4, 4); // 100 %: always drawn
        String drawn = sw.toString();
        assertEquals("\rntk gram: gram 0% (0 / 4)\rntk gram: gram 100% (4 / 4)", drawn);
        assertTrue(!drawn.contains("\n"));
        p.close();
        String closed = sw.toString().substring(drawn.length());
        // erased with as many spaces as the longest line shown, and the cursor back at column 0
        assertEquals("\r" + " ".repeat("ntk gram: gram 100% (4 / 4)".length()) + "\r", closed);
    }

    @Test
    void shorterLinesOverwriteLongerOnes() {
        StringWriter sw = new StringWriter();
        TerminalProgress p = new TerminalProgress(new PrintWriter(sw), "ntk", true);
        p.phase("a long phase text");
        p.phase("short");
        assertEquals("\rntk: a long phase text\rntk: short" + " ".repeat("a long phase text".length() - 5), sw.toString());
    }
}
