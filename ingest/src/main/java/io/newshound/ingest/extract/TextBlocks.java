package io.newshound.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an element as the blocks a reader sees: paragraphs, headings, list items, quotes.
 * Inline markup joins into its block; a block element starts a new one.
 */
final class TextBlocks {
    static final Set<String> BLOCK_TAGS =
            Set.of(
                    "p",
                    "div",
                    "section",
                    "article",
                    "main",
                    "blockquote",
                    "pre",
                    "li",
                    "ul",
                    "ol",
                    "dl",
                    "dt",
                    "dd",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "table",
                    "tr",
                    "td",
                    "th",
                    "figure",
                    "figcaption",
                    "header",
                    "footer",
                    "aside",
                    "br",
                    "hr",
                    "center",
                    "address",
                    "details",
                    "summary",
                    "form",
                    "fieldset",
                    "body");

    /**
     * A block of text.
     *
     * @param text its text, whitespace collapsed
     * @param linkChars how many of its characters are inside links
     * @param tag the tag of the element that holds it
     */
    record Block(String text, int linkChars, String tag) {
        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }

        boolean isHeading() {
            return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
        }
    }

    private TextBlocks() {}

    static List<Block> of(Element root) {
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, root);
        collector.flush();
        return collector.blocks;
    }

    private static final class Collector implements NodeVisitor {
        final List<Block> blocks = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final ArrayList<String> openBlocks = new ArrayList<>();
        int linkChars;
        int linkDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                if (!s.isBlank() || (text.length() > 0 && !s.isEmpty())) {
                    int before = text.length();
                    appendCollapsed(s);
                    if (linkDepth > 0) {
                        linkChars += text.length() - before;
                    }
                }
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (BLOCK_TAGS.contains(tag)) {
                    flush();
                    openBlocks.add(tag);
                } else if (tag.equals("a")) {
                    linkDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (BLOCK_TAGS.contains(tag)) {
                    flush();
                    openBlocks.remove(openBlocks.size() - 1);
                } else if (tag.equals("a")) {
                    linkDepth--;
                }
            }
        }

        private void appendCollapsed(String s) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\u00a0') {
                    i++;
                }
                text.append(s, start, i);
            }
        }

        void flush() {
            String t = text.toString().strip();
            if (!t.isEmpty()) {
                String tag = openBlocks.isEmpty() ? "body" : openBlocks.get(openBlocks.size() - 1);
                blocks.add(new Block(t, Math.min(linkChars, t.length()), tag));
            }
            text.setLength(0);
            linkChars = 0;
        }
    }
}
