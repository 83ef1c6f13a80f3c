package org.ntk.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of {@code report.md}: a title, an introduction, then numbered sections, each an ordered
 * list of paragraphs, tables and image links.
 *
 * <p>Rendering rules: the title is a level-1 heading; section {@code i} (from 1) is the level-2
 * heading {@code "## i. title"}; blocks are separated by one blank line; tables come from {@link
 * Table#toMarkdown()}; images are {@code ![alt](file)} with the file name relative to the report's
 * directory. Output ends with exactly one newline.
 *
 * <p>A builder: not thread-safe. Rendering does not change it.
 */
public final class MarkdownReport {

    private final String title;
    private final Section introduction = new Section("");
    private final List<Section> sections = new ArrayList<>();

    /** A report with the given title. */
    public MarkdownReport(String title) {
        this.title = requireText(title, "title");
    }

    /** The blocks shown before the first section. */
    public Section introduction() {
        return introduction;
    }

    /** Starts a new numbered section and returns it for filling. */
    public Section section(String sectionTitle) {
        Section s = new Section(requireText(sectionTitle, "sectionTitle"));
        sections.add(s);
        return s;
    }

    /** The sections started so far, in order. */
    public List<Section> sections() {
        return List.copyOf(sections);
    }

    /** The whole document as Markdown text. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append('\n');
        introduction.appendBlocks(sb);
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            sb.append('\n').append("## ").append(i + 1).append(". ").append(s.title).append('\n');
            s.appendBlocks(sb);
        }
        return sb.toString();
    }

    private static String requireText(String s, String name) {
        Objects.requireNonNull(s, name);
        if (s.isBlank() || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must be one non-blank line, got \"" + s + "\"");
        }
        return s.strip();
    }

    /** One part of a section. */
    private sealed interface Block permits Paragraph, TableBlock, Image {
        String markdown();
    }

    private record Paragraph(String text) implements Block {
        public String markdown() {
            return text + "\n";
        }
    }

    private record TableBlock(Table table) implements Block {
        public String markdown() {
            return table.toMarkdown();
        }
    }

    private record Image(String alt, String file) implements Block {
        public String markdown() {
            return "![" + alt.replace("]", "\\]") + "](" + file + ")\n";
        }
    }

    /** A numbered section (or the introduction): an ordered list of blocks. Not thread-safe. */
    public static final class Section {
        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        private Section(String title) {
            this.title = title;
        }

        /** The section's title (empty for the introduction). */
        public String title() {
            return title;
        }

        /** Appends a paragraph of Markdown text (may span lines; surrounding blank lines are trimmed). */
        public Section paragraph(String text) {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("text must not be blank, got \"" + text + "\"");
            }
            blocks.add(new Paragraph(text.strip()));
            return this;
        }

        /** Appends a table. */
        public Section table(Table table) {
            blocks.add(new TableBlock(Objects.requireNonNull(table, "table")));
            return this;
        }

        /**
         * Appends an image link.
         *
         * @param alt the alternative text (one line)
         * @param file the image's path relative to the report's directory, without spaces or
         *     parentheses
         */
        public Section image(String alt, String file) {
            String a = requireText(alt, "alt");
            Objects.requireNonNull(file, "file");
            if (file.isEmpty() || !file.matches("[A-Za-z0-9._/-]+") || file.startsWith("/")) {
                throw new IllegalArgumentException(
                        "file must be a relative path of letters, digits and ._/-, got \"" + file + "\"");
            }
            blocks.add(new Image(a, file));
            return this;
        }

        /** The number of blocks so far. */
        public int size() {
            return blocks.size();
        }

        private void appendBlocks(StringBuilder sb) {
            for (Block b : blocks) {
                sb.append('\n').append(b.markdown());
            }
        }
    }
}
