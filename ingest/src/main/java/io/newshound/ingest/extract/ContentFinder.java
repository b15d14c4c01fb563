package io.newshound.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Finds the elements that hold an article's body in a cleaned page: a container that says what it
 * is ({@code itemprop=articleBody}, {@code .entry-content}, …) when it holds most of the page's
 * prose, else the best-scoring container by the amount of prose in it and the few links, in the
 * manner of Arc90's Readability.
 */
final class ContentFinder {
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p, pre, td, blockquote");
    private static final Evaluator SECTIONS = QueryParser.parse("div, section");

    /**
     * How a container names itself as the article's body: by class, id or attribute value.
     *
     * @param classes class names that mark it
     * @param ids ids that mark it
     * @param attributes attribute values that mark it, by attribute name
     */
    private record Marker(Set<String> classes, Set<String> ids, Map<String, String> attributes) {
        boolean marks(Element e) {
            for (var attribute : attributes.entrySet()) {
                if (attribute.getValue().equals(e.attr(attribute.getKey()))) {
                    return true;
                }
            }
            if (!ids.isEmpty() && ids.contains(e.id())) {
                return true;
            }
            if (!classes.isEmpty()) {
                String names = e.className();
                if (!names.isEmpty()) {
                    for (String name : names.split("\\s+")) {
                        if (classes.contains(name)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** Containers that name themselves as the article's body, most specific first. */
    private static final List<Marker> BODY_MARKERS =
            List.of(
                    new Marker(Set.of(), Set.of(), Map.of("itemprop", "articleBody")),
                    new Marker(
                            Set.of(),
                            Set.of(),
                            Map.of(
                                    "data-testid",
                                    "article-body",
                                    "data-component",
                                    "article-body")),
                    new Marker(
                            Set.of(
                                    "article-body",
                                    "article__body",
                                    "articleBody",
                                    "article-body-text",
                                    "article-text",
                                    "article__content",
                                    "article-content",
                                    "articlebody"),
                            Set.of("article-body", "articleBody"),
                            Map.of()),
                    new Marker(
                            Set.of(
                                    "story-body",
                                    "story__body",
                                    "story-content",
                                    "story-text",
                                    "storytext"),
                            Set.of(),
                            Map.of()),
                    new Marker(
                            Set.of(
                                    "entry-content",
                                    "post-content",
                                    "post-body",
                                    "post__content",
                                    "post-entry",
                                    "blog-post-body",
                                    "entry-body",
                                    "single-post-content"),
                            Set.of(),
                            Map.of()),
                    new Marker(
                            Set.of(
                                    "c-entry-content",
                                    "content-body",
                                    "body-content",
                                    "main-content-body",
                                    "rich-text",
                                    "text-body",
                                    "news-body",
                                    "news_body"),
                            Set.of("content-body"),
                            Map.of()));

    private static final Pattern POSITIVE =
            Pattern.compile(
                    "(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|"
                            + "blog|story");
    private static final Pattern NEGATIVE =
            Pattern.compile(
                    "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|"
                            + "foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|"
                            + "scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|"
                            + "widget|newsletter|subscribe|recommend|trending|popular|byline|author");

    private ContentFinder() {}

    /** The body's containers, in document order; empty when the page has no prose. */
    static List<Element> find(Document doc) {
        List<List<Element>> marked = markedContainers(doc);
        int pageProse = -1;
        for (List<Element> matches : marked) {
            if (matches.isEmpty()) {
                continue;
            }
            if (pageProse < 0) {
                pageProse = proseLength(doc.body() == null ? doc : doc.body());
            }
            List<Element> outer = outermost(matches);
            int prose = outer.stream().mapToInt(ContentFinder::proseLength).sum();
            if (prose >= 200 && prose >= pageProse * 0.4) {
                return outer;
            }
        }
        Element best = bestScoring(doc, TextStats.of(doc));
        return best == null ? List.of() : List.of(best);
    }

    /** The containers each marker names, in document order, found in one pass. */
    private static List<List<Element>> markedContainers(Document doc) {
        List<List<Element>> marked = new ArrayList<>();
        for (int i = 0; i < BODY_MARKERS.size(); i++) {
            marked.add(new ArrayList<>());
        }
        for (Element e : doc.getAllElements()) {
            if (e.attributesSize() == 0) {
                continue;
            }
            for (int i = 0; i < BODY_MARKERS.size(); i++) {
                if (BODY_MARKERS.get(i).marks(e)) {
                    marked.get(i).add(e);
                }
            }
        }
        return marked;
    }

    /** Readability's scoring: paragraphs vote for their parent and grandparent. */
    private static Element bestScoring(Document doc, TextStats stats) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element paragraph : paragraphs(doc)) {
            int length = stats.chars(paragraph);
            if (length < 21) {
                continue;
            }
            // Readability counts characters with spaces; ours are without, about a sixth fewer.
            double score = 1 + stats.commas(paragraph) + Math.min(length * 1.2 / 100.0, 3);
            Element parent = paragraph.parent();
            int level = 0;
            while (parent != null && level < 3 && !parent.normalName().equals("html")) {
                scores.computeIfAbsent(parent, ContentFinder::initialScore);
                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                scores.merge(parent, score * share, Double::sum);
                parent = parent.parent();
                level++;
            }
        }
        Element best = null;
        double bestScore = 0;
        Map<Element, Double> finals = new HashMap<>();
        for (var entry : scores.entrySet()) {
            double s = entry.getValue() * (1 - stats.linkDensity(entry.getKey()));
            finals.put(entry.getKey(), s);
            if (s > bestScore) {
                best = entry.getKey();
                bestScore = s;
            }
        }
        if (best == null) {
            return null;
        }
        // When the body is split over siblings, their common parent is the container.
        Element parent = best.parent();
        if (parent != null && !parent.normalName().equals("body")) {
            int strong = 0;
            for (Element sibling : parent.children()) {
                if (sibling != best && finals.getOrDefault(sibling, 0.0) >= bestScore * 0.3) {
                    strong++;
                }
            }
            if (strong >= 1 && stats.linkDensity(parent) < 0.3) {
                return parent;
            }
        }
        return best;
    }

    private static double initialScore(Element e) {
        double score =
                switch (e.normalName()) {
                    case "div", "article", "main", "section" -> 5;
                    case "pre", "td", "blockquote" -> 3;
                    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
                    case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
                    default -> 0;
                };
        String names = e.className() + " " + e.id();
        if (NEGATIVE.matcher(names).find()) {
            score -= 25;
        }
        if (POSITIVE.matcher(names).find()) {
            score += 25;
        }
        return score;
    }

    /** Paragraph-like elements: p and pre, and divs that hold prose as their own text. */
    private static List<Element> paragraphs(Document doc) {
        List<Element> found = new ArrayList<>(doc.select(PARAGRAPHS));
        for (Element div : doc.select(SECTIONS)) {
            int own = 0;
            for (Node child : div.childNodes()) {
                if (child instanceof TextNode t) {
                    own += TextStats.visible(t.getWholeText());
                }
            }
            if (own >= 68) {
                found.add(div);
            }
        }
        return found;
    }

    /** Prose length under {@code root}: the text of its prose nodes. */
    static int proseLength(Element root) {
        int[] total = {0};
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode t && isProse(t)) {
                        total[0] += TextStats.visible(t.getWholeText());
                    }
                },
                root);
        return total[0];
    }

    /**
     * Whether a text node reads as prose: a run of at least 25 characters outside links, list items
     * and headings. Counted by node, so it finds prose in spans and bare divs as well as in
     * paragraphs.
     */
    static boolean isProse(TextNode text) {
        if (TextStats.visible(text.getWholeText()) < 21) {
            return false;
        }
        for (Node n = text.parentNode(); n instanceof Element e; n = e.parentNode()) {
            switch (e.normalName()) {
                case "a", "li", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "option" -> {
                    return false;
                }
                case "p", "div", "article", "section", "body", "td", "blockquote" -> {
                    return true;
                }
                default -> {
                    // inline: look further up
                }
            }
        }
        return true;
    }

    private static List<Element> outermost(List<Element> matches) {
        List<Element> kept = new ArrayList<>();
        for (Element m : matches) {
            boolean nested = false;
            for (Element k : kept) {
                if (m.parents().contains(k)) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                kept.add(m);
            }
        }
        return kept;
    }
}
