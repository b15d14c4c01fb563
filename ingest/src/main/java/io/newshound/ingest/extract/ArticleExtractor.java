package io.newshound.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Extracts an article's main text and metadata from its page, leaving out navigation, link lists
 * ("MORE ABOUT", "LATEST"), share widgets, comments, captions and footers.
 *
 * <p>Three steps: read the metadata while the page is whole ({@link PageMetadata}); remove what is
 * never article text (scripts, forms, navigation, hidden parts, and containers whose class or id
 * marks them as boilerplate); find the body's containers ({@link ContentFinder}) and keep their
 * prose blocks, dropping link lists and stock phrases.
 */
public final class ArticleExtractor {
    private static final Evaluator NEVER_TEXT =
            QueryParser.parse(
                    "script, style, noscript, template, iframe, svg, canvas, object, embed, video, audio,"
                            + " button, input, select, textarea, nav, figcaption, [hidden],"
                            + " [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
                            + " [role=complementary], [role=dialog], [role=alert], [style~=display:\\s*none]");
    private static final Evaluator FURNITURE = QueryParser.parse("header, footer, aside, form");

    /** Class or id words of containers that are never the article body. */
    private static final Pattern BOILERPLATE =
            Pattern.compile(
                    "(?i)(^|[\\s_-])(share|sharing|social|related|more-about|most-read|popular|"
                            + "trending|comments?|disqus|promo|newsletter|subscribe|subscription|"
                            + "breadcrumbs?|advert|advertisement|ads|ad|adslot|banner|cookie|consent|"
                            + "sidebar|menu|navbar|nav|footer|byline|dateline|author|bio|tags?|"
                            + "tagline|hot-news|latest|recommended|recirc|outbrain|taboola|sponsored|"
                            + "pagination|pager|toolbar|tools|utility|widget|modal|popup|signup|"
                            + "paywall|caption|credit|print-only|visually-hidden|sr-only|skip)"
                            + "($|[\\s_-])");

    /**
     * Class or id words that mean "this is (part of) the article", which boilerplate never trumps.
     */
    private static final Pattern CONTENT =
            Pattern.compile("(?i)article|body|content|entry|main|story|post-?text|text");

    /** Boilerplate so clear that neither a "content" in its class nor its prose saves it. */
    private static final Pattern STRONG_BOILERPLATE =
            Pattern.compile(
                    "(?i)(^|[\\s_-])(comments?|comment_content|commentlist|disqus|related|recirc|"
                            + "outbrain|taboola)($|[\\s_-])");

    private static final Set<String> STRUCTURAL = Set.of("html", "body", "main", "article");

    /** Lines that are furniture even inside the body. */
    private static final Pattern STOCK_LINE =
            Pattern.compile(
                    "(?i)^(advertisement|advertising|sponsored( content)?|share( this)?( article| story)?|"
                            + "read more|see also|related( articles| stories| coverage)?|more on this|"
                            + "click here.*|sign up.*|subscribe.*|follow us.*|this article (was|is) "
                            + "(originally )?(published|part of).*|all rights reserved.*|"
                            + "©.*|copyright .*|(photo|image|video): .*|getty images|shutterstock|"
                            + "loading( \\.\\.\\.)?|continue reading.*|tags?:.*)$");

    /** Extracts from HTML already decoded to text. */
    public ExtractedPage extract(String html, String url) {
        return extract(Jsoup.parse(html, url), url);
    }

    /**
     * Extracts from the bytes of a page; the charset is {@code charset} when the server declared
     * one, else what the page's BOM or meta tag says, else UTF-8.
     */
    public ExtractedPage extract(byte[] html, String charset, String url) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), charset, url), url);
        } catch (IOException | IllegalArgumentException e) {
            // An unknown declared charset: let the page say.
            try {
                return extract(Jsoup.parse(new ByteArrayInputStream(html), null, url), url);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    private ExtractedPage extract(Document doc, String url) {
        PageMetadata meta = PageMetadata.of(doc, url);
        clean(doc);
        String text = bodyText(doc);
        String structured = meta.structuredBody() == null ? "" : plain(meta.structuredBody());
        // Structured data carries the whole body on some pages whose HTML splits or truncates it.
        if (structured.length() > Math.max(400, text.length() * 1.2)) {
            text = structured;
        }
        return new ExtractedPage(
                meta.canonicalUrl(),
                meta.title(),
                meta.author(),
                meta.published(),
                meta.language(),
                text);
    }

    private static void clean(Document doc) {
        doc.select(NEVER_TEXT).remove();
        doc.select(FURNITURE).forEach(ArticleExtractor::removeUnlessProse);
        Map<Element, Integer> prose = proseByElement(doc);
        int total = doc.body() == null ? 0 : prose.getOrDefault(doc.body(), 0);
        for (Element e : doc.getAllElements()) {
            if (e.parent() == null || STRUCTURAL.contains(e.normalName())) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (names.isBlank()) {
                continue;
            }
            if (STRONG_BOILERPLATE.matcher(names).find()) {
                e.remove();
                continue;
            }
            // A wrapper holding much of the page's prose is never boilerplate, whatever its
            // class says ("non-ad-column", "penci_sidebar", "widget Blog").
            int held = prose.getOrDefault(e, 0);
            if (held > 300 && held > total * 0.3) {
                continue;
            }
            if (BOILERPLATE.matcher(names).find() && !CONTENT.matcher(names).find()) {
                e.remove();
            }
        }
    }

    /** How much prose each element holds, in one pass: see {@link ContentFinder#isProse}. */
    private static Map<Element, Integer> proseByElement(Document doc) {
        Map<Element, Integer> prose = new IdentityHashMap<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode t && ContentFinder.isProse(t)) {
                        int length = TextStats.visible(t.getWholeText());
                        for (Element e = (Element) t.parent(); e != null; e = e.parent()) {
                            prose.merge(e, length, Integer::sum);
                        }
                    }
                },
                doc);
        return prose;
    }

    /** Page furniture, except when a site puts its whole article inside one of these. */
    private static void removeUnlessProse(Element e) {
        if (e.parent() != null && ContentFinder.proseLength(e) < 400) {
            e.remove();
        }
    }

    private static String bodyText(Document doc) {
        List<String> paragraphs = new ArrayList<>();
        for (Element container : ContentFinder.find(doc)) {
            for (TextBlocks.Block block : TextBlocks.of(container)) {
                if (keep(block)) {
                    paragraphs.add(block.text());
                }
            }
        }
        while (!paragraphs.isEmpty() && paragraphs.get(paragraphs.size() - 1).length() < 25) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean keep(TextBlocks.Block block) {
        String text = block.text();
        if (STOCK_LINE.matcher(text).matches()) {
            return false;
        }
        if (block.tag().equals("h1")) {
            return false;
        }
        if (block.linkDensity() > 0.5 && text.length() < 300) {
            return false;
        }
        if (block.tag().equals("li") && block.linkDensity() > 0.3 && text.length() < 120) {
            return false;
        }
        return true;
    }

    private static String plain(String maybeHtml) {
        String s = maybeHtml.indexOf('<') >= 0 ? Jsoup.parse(maybeHtml).text() : maybeHtml;
        return Jsoup.parse(s).text().equals(s) ? s.strip() : Jsoup.parse(s).text().strip();
    }
}
