package io.newshound.ingest.extract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts an article's main text and metadata from its page, leaving out navigation, link lists,
 * share widgets, comments and footers.
 *
 * <p>The main text is the {@code <article>} element when the page has one, else the block with the
 * most paragraph text.
 */
public final class ArticleExtractor {
    private static final String BOILERPLATE =
            "script, style, noscript, template, iframe, svg, form, button, nav, header, footer,"
                    + " aside, figure figcaption, [role=navigation], [role=banner],"
                    + " [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]";
    private static final Pattern BOILERPLATE_CLASS =
            Pattern.compile(
                    "(?i)(^|[\\s_-])(share|sharing|social|related|more-about|latest|most-read|"
                            + "popular|trending|comments?|promo|newsletter|subscribe|breadcrumbs?|"
                            + "advert|ads|banner|cookie|tags?|sidebar|menu|footer|byline|dateline|"
                            + "author|hot-news|share-tools|inline-promo)"
                            + "($|[\\s_-])");
    private static final String TEXT_BLOCKS = "p, h2, h3, h4, blockquote, li, pre";

    /**
     * Extracts from {@code html} fetched at {@code url}.
     *
     * @return the page's content; its text is empty when the page has no recognisable article
     */
    public ExtractedPage extract(String html, String url) {
        Document doc = Jsoup.parse(html, url);
        String canonical = doc.select("link[rel=canonical]").attr("abs:href");
        String title =
                firstNonBlank(
                        meta(doc, "meta[property=og:title]"), doc.select("h1").text(), doc.title());
        String author =
                firstNonBlank(
                        meta(doc, "meta[name=author]"),
                        meta(doc, "meta[property=article:author]"),
                        doc.select("[rel=author], .byline, .author").text());
        Instant published =
                parseTime(
                        firstNonBlank(
                                meta(doc, "meta[property=article:published_time]"),
                                doc.select("time[datetime]").attr("datetime")));
        String language = languageOf(doc);

        doc.select(BOILERPLATE).remove();
        for (Element element : doc.getAllElements()) {
            if (element.parent() != null
                    && BOILERPLATE_CLASS.matcher(element.className() + " " + element.id()).find()) {
                element.remove();
            }
        }
        Element main = doc.selectFirst("article");
        if (main == null) {
            main = densestBlock(doc);
        }
        String text = main == null ? "" : blockText(main);
        return new ExtractedPage(
                canonical.isBlank() ? url : canonical, title, author, published, language, text);
    }

    private static Element densestBlock(Document doc) {
        Element best = null;
        int bestLength = 0;
        for (Element p : doc.select("p")) {
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            int length = parent.select("> p").text().length();
            if (length > bestLength) {
                best = parent;
                bestLength = length;
            }
        }
        return best;
    }

    private static String blockText(Element root) {
        List<String> paragraphs = new ArrayList<>();
        for (Element block : root.select(TEXT_BLOCKS)) {
            // A list item holding paragraphs is read through its paragraphs.
            if (!block.select(TEXT_BLOCKS).stream().skip(1).findAny().isEmpty()) {
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            String text = root.text().strip();
            return text;
        }
        return String.join("\n\n", paragraphs);
    }

    private static String languageOf(Document doc) {
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        if (lang.isBlank()) {
            lang = meta(doc, "meta[http-equiv=content-language]");
        }
        if (lang == null || lang.isBlank()) {
            return null;
        }
        return lang.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    private static String meta(Document doc, String selector) {
        Element element = doc.selectFirst(selector);
        return element == null ? null : element.attr("content");
    }

    private static Instant parseTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
