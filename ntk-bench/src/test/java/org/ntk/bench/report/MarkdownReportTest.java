package org.ntk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void rendersTitleIntroductionAndNumberedSections() {
        MarkdownReport md = new MarkdownReport("ntk report");
        md.introduction().paragraph("Intro.\n");
        Table t = Table.builder().text("k", "k").integer("n", "n").row("a", 1).build();
        md.section("First").paragraph("Text one.").table(t).image("A plot", "first-plot.png");
        md.section("Second").paragraph("Two.");
        // expected text written out from the rules in MarkdownReport's Javadoc
        String expected = "# ntk report\n"
                + "\nIntro.\n"
                + "\n## 1. First\n"
                + "\nText one.\n"
                + "\n| k   |   n |\n| --- | --: |\n| a   |   1 |\n"
                + "\n![A plot](first-plot.png)\n"
                + "\n## 2. Second\n"
                + "\nTwo.\n";
        assertEquals(expected, md.render());
        assertEquals(2, md.sections().size());
    }

    @Test
    void rejectsBadTitlesAndImagePaths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MarkdownReport("two\nlines"));
        assertTrue(e.getMessage().startsWith("title "), e.getMessage());
        MarkdownReport md = new MarkdownReport("t");
        MarkdownReport.Section s = md.section("s");
        e = assertThrows(IllegalArgumentException.class, () -> s.image("alt", "/abs.png"));
        assertTrue(e.getMessage().startsWith("file "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.image("alt", "a (1).png"));
        assertTrue(e.getMessage().startsWith("file "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.paragraph("  "));
        assertTrue(e.getMessage().startsWith("text "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> md.section(""));
        assertTrue(e.getMessage().startsWith("sectionTitle "), e.getMessage());
    }
}
