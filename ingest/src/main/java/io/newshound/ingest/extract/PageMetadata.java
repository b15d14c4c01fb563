package io.newshound.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newshound.events.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about its article outside the body: title, author, publication time, language,
 * canonical URL, and the body as structured data (JSON-LD {@code articleBody}) when the page
 * carries it.
 */
record PageMetadata(
        String canonicalUrl,
        String title,
        String author,
        Instant published,
        String language,
        String structuredBody) {

    private static final ObjectMapper JSON = Json.mapper();

    /** Reads the metadata of {@code doc}; call before the document is cleaned. */
    static PageMetadata of(Document doc, String url) {
        List<JsonNode> articles = jsonLdArticles(doc);
        String canonical = doc.select("link[rel=canonical]").attr("abs:href");
        if (canonical.isBlank()) {
            canonical = doc.select("meta[property=og:url]").attr("abs:content");
        }
        String title =
                firstNonBlank(
                        meta(doc, "meta[property=og:title]"),
                        meta(doc, "meta[name=twitter:title]"),
                        text(articles, "headline"),
                        doc.select("h1").first() == null ? null : doc.select("h1").first().text(),
                        doc.title());
        String author =
                firstNonBlank(
                        authorOf(articles),
                        meta(doc, "meta[name=author]"),
                        meta(doc, "meta[property=article:author]"),
                        meta(doc, "meta[name=byl]"),
                        textOf(doc.selectFirst("[rel=author]")),
                        textOf(doc.selectFirst("[itemprop=author] [itemprop=name]")),
                        textOf(doc.selectFirst("[itemprop=author]")));
        Instant published =
                firstTime(
                        meta(doc, "meta[property=article:published_time]"),
                        text(articles, "datePublished"),
                        meta(doc, "meta[itemprop=datePublished]"),
                        doc.select("[itemprop=datePublished]").attr("datetime"),
                        meta(doc, "meta[name=date]"),
                        meta(doc, "meta[name=pubdate]"),
                        doc.select("time[datetime]").attr("datetime"));
        String body = text(articles, "articleBody");
        return new PageMetadata(
                canonical.isBlank() ? url : canonical,
                title,
                cleanAuthor(author),
                published,
                languageOf(doc),
                body);
    }

    private static List<JsonNode> jsonLdArticles(Document doc) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), found);
            } catch (Exception malformed) {
                // Structured data is a bonus; a page with broken JSON-LD still has its HTML.
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, found));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.get("@type");
        String types = type == null ? "" : type.toString().toLowerCase(Locale.ROOT);
        if (types.contains("article") || types.contains("posting") || types.contains("report")) {
            found.add(node);
        }
        collect(node.get("@graph"), found);
        JsonNode main = node.get("mainEntity");
        if (main != null && main.isObject()) {
            collect(main, found);
        }
    }

    private static String text(List<JsonNode> articles, String field) {
        for (JsonNode a : articles) {
            JsonNode v = a.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String authorOf(List<JsonNode> articles) {
        for (JsonNode a : articles) {
            JsonNode author = a.get("author");
            if (author == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode one : author.isArray() ? author : List.of(author)) {
                if (one.isTextual()) {
                    names.add(one.asText());
                } else if (one.has("name") && one.get("name").isTextual()) {
                    names.add(one.get("name").asText());
                }
            }
            if (!names.isEmpty()) {
                return String.join(", ", names);
            }
        }
        return null;
    }

    private static String cleanAuthor(String author) {
        if (author == null) {
            return null;
        }
        String a = author.replaceAll("\\s+", " ").strip().replaceFirst("(?i)^by\\s+", "");
        return a.isEmpty() || a.length() > 120 || a.startsWith("http") ? null : a;
    }

    private static String languageOf(Document doc) {
        Element html = doc.selectFirst("html");
        String lang =
                firstNonBlank(
                        html == null ? null : html.attr("lang"),
                        html == null ? null : html.attr("xml:lang"),
                        meta(doc, "meta[http-equiv=content-language]"),
                        meta(doc, "meta[property=og:locale]"));
        if (lang == null) {
            return null;
        }
        String code = lang.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
        return code.matches("[a-z]{2,3}") ? code : null;
    }

    static Instant parseTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"))
                    .toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant firstTime(String... values) {
        for (String v : values) {
            Instant t = parseTime(v);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String meta(Document doc, String selector) {
        Element element = doc.selectFirst(selector);
        return element == null ? null : element.attr("content");
    }

    private static String textOf(Element element) {
        return element == null ? null : element.text();
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
