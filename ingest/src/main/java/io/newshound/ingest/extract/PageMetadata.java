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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Scan page = Scan.of(doc);
        List<JsonNode> articles = jsonLdArticles(page.jsonLd);
        String canonical = page.canonical == null ? "" : page.canonical.attr("abs:href");
        if (canonical.isBlank()) {
            canonical = page.absoluteMeta("og:url");
        }
        String title =
                firstNonBlank(
                        page.meta("og:title"),
                        page.meta("twitter:title"),
                        text(articles, "headline"),
                        page.h1 == null ? null : page.h1.text(),
                        doc.title());
        String author =
                firstNonBlank(
                        authorOf(articles),
                        page.meta("author"),
                        page.meta("article:author"),
                        page.meta("byl"),
                        page.relAuthor == null ? null : page.relAuthor.text(),
                        page.itempropAuthor == null ? null : authorName(page.itempropAuthor));
        Instant published =
                firstTime(
                        page.meta("article:published_time"),
                        text(articles, "datePublished"),
                        page.meta("datePublished"),
                        page.datePublished == null ? null : page.datePublished.attr("datetime"),
                        page.meta("date"),
                        page.meta("pubdate"),
                        page.time == null ? null : page.time.attr("datetime"));
        String body = text(articles, "articleBody");
        return new PageMetadata(
                canonical.isBlank() ? url : canonical,
                title,
                cleanAuthor(author),
                published,
                languageOf(doc, page),
                body);
    }

    /**
     * One pass over the page collecting what the metadata comes from, instead of a search of the
     * whole page per field.
     */
    private static final class Scan {
        final Map<String, Element> metas = new HashMap<>();
        final List<Element> jsonLd = new ArrayList<>();
        Element canonical;
        Element h1;
        Element time;
        Element relAuthor;
        Element itempropAuthor;
        Element datePublished;

        static Scan of(Document doc) {
            Scan scan = new Scan();
            for (Element e : doc.getAllElements()) {
                switch (e.normalName()) {
                    case "meta" -> {
                        for (String key :
                                new String[] {"property", "name", "itemprop", "http-equiv"}) {
                            String name = e.attr(key);
                            if (!name.isEmpty()) {
                                scan.metas.putIfAbsent(name.toLowerCase(Locale.ROOT), e);
                            }
                        }
                    }
                    case "link" -> {
                        if (scan.canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                            scan.canonical = e;
                        }
                    }
                    case "script" -> {
                        if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
                            scan.jsonLd.add(e);
                        }
                    }
                    case "h1" -> scan.h1 = scan.h1 == null ? e : scan.h1;
                    case "time" -> {
                        if (scan.time == null && e.hasAttr("datetime")) {
                            scan.time = e;
                        }
                    }
                    default -> {
                        // only attributes below
                    }
                }
                if (scan.relAuthor == null && e.attr("rel").equalsIgnoreCase("author")) {
                    scan.relAuthor = e;
                }
                String itemprop = e.attr("itemprop");
                if (!itemprop.isEmpty() && !e.normalName().equals("meta")) {
                    if (scan.itempropAuthor == null && itemprop.equals("author")) {
                        scan.itempropAuthor = e;
                    } else if (scan.datePublished == null && itemprop.equals("datePublished")) {
                        scan.datePublished = e;
                    }
                }
            }
            return scan;
        }

        String meta(String name) {
            Element e = metas.get(name.toLowerCase(Locale.ROOT));
            return e == null ? null : e.attr("content");
        }

        String absoluteMeta(String name) {
            Element e = metas.get(name.toLowerCase(Locale.ROOT));
            return e == null ? "" : e.attr("abs:content");
        }
    }

    private static String authorName(Element author) {
        Element name = author.selectFirst("[itemprop=name]");
        return name != null ? name.text() : author.text();
    }

    private static List<JsonNode> jsonLdArticles(List<Element> scripts) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : scripts) {
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

    private static String languageOf(Document doc, Scan page) {
        Element html = doc.selectFirst("html");
        String lang =
                firstNonBlank(
                        html == null ? null : html.attr("lang"),
                        html == null ? null : html.attr("xml:lang"),
                        page.meta("content-language"),
                        page.meta("og:locale"));
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

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
