package io.newshound.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures of every element of a page, computed in one pass: how many visible characters it
 * holds, how many of them are inside links, how many commas. Scoring asks these of many elements;
 * asking each element for its text would read the page again for every one.
 */
final class TextStats {
    private final Map<Element, int[]> stats = new IdentityHashMap<>();

    private TextStats() {}

    static TextStats of(Element root) {
        TextStats result = new TextStats();
        NodeTraversor.traverse(result.new Counter(), root);
        return result;
    }

    /** The visible (non-space) characters of {@code text}. */
    static int visible(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0') {
                n++;
            }
        }
        return n;
    }

    /** Visible (non-space) characters under {@code e}. */
    int chars(Element e) {
        int[] s = stats.get(e);
        return s == null ? 0 : s[0];
    }

    int linkChars(Element e) {
        int[] s = stats.get(e);
        return s == null ? 0 : s[1];
    }

    int commas(Element e) {
        int[] s = stats.get(e);
        return s == null ? 0 : s[2];
    }

    double linkDensity(Element e) {
        int chars = chars(e);
        return chars == 0 ? 0 : Math.min(1.0, (double) linkChars(e) / chars);
    }

    private final class Counter implements NodeVisitor {
        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t && t.parent() != null) {
                Element parent = t.parent();
                String text = t.getWholeText();
                int chars = 0;
                int commas = 0;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (!Character.isWhitespace(c) && c != '\u00a0') {
                        chars++;
                        if (c == ',' || c == '，' || c == '、') {
                            commas++;
                        }
                    }
                }
                int[] s = stats.computeIfAbsent(parent, e -> new int[3]);
                s[0] += chars;
                s[2] += commas;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                int[] s = stats.get(e);
                if (s == null) {
                    return;
                }
                if (e.normalName().equals("a")) {
                    s[1] = s[0];
                }
                Element parent = e.parent();
                if (parent != null) {
                    int[] p = stats.computeIfAbsent(parent, x -> new int[3]);
                    p[0] += s[0];
                    p[1] += s[1];
                    p[2] += s[2];
                }
            }
        }
    }
}
