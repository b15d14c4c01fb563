package io.newshound.app.cli;

import io.newshound.ingest.IngestConfig;
import io.newshound.ingest.feed.AddressPolicy;
import io.newshound.ingest.feed.FetchException;
import io.newshound.ingest.feed.Fetched;
import io.newshound.ingest.feed.HostLimiter;
import io.newshound.ingest.feed.HttpFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/** Reads the documents the offline tools are given: files, gzip files or http(s) URLs. */
final class Inputs {
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private Inputs() {}

    /** A document's bytes, the Content-Type its server declared (or null), and its URL. */
    record Document(byte[] bytes, String contentType, String url) {
        /** The charset the server declared, or null. */
        String charset() {
            return charsetOf(contentType);
        }
    }

    /** A document that cannot be read; the message says why in a few words. */
    static final class InputException extends Exception {
        InputException(String message) {
            super(message);
        }
    }

    static HttpFetcher fetcher() {
        // The user names these addresses, so private ones are theirs to fetch.
        return new HttpFetcher(
                new HttpFetcher.Settings(
                        IngestConfig.DEFAULT_USER_AGENT,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(60),
                        MAX_BYTES,
                        4),
                new AddressPolicy(true),
                HostLimiter.unlimited());
    }

    static Document read(String document, HttpFetcher fetcher) throws InputException {
        if (document.startsWith("http://") || document.startsWith("https://")) {
            URI uri;
            try {
                uri = URI.create(document);
            } catch (IllegalArgumentException e) {
                throw new InputException("not a valid URL");
            }
            try {
                Fetched answer = fetcher.get(uri);
                if (!answer.isOk()) {
                    throw new InputException("HTTP " + answer.status());
                }
                return new Document(answer.body(), answer.contentType(), answer.uri().toString());
            } catch (FetchException e) {
                throw new InputException(e.getMessage());
            }
        }
        Path path = Path.of(document);
        try {
            if (Files.isDirectory(path)) {
                throw new InputException("is a directory");
            }
            byte[] bytes = Files.readAllBytes(path);
            if (document.endsWith(".gz")) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readNBytes((int) MAX_BYTES);
                }
            }
            return new Document(bytes, null, path.toAbsolutePath().toUri().toString());
        } catch (NoSuchFileException e) {
            throw new InputException("no such file");
        } catch (AccessDeniedException e) {
            throw new InputException("permission denied");
        } catch (IOException e) {
            throw new InputException("cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Whether a document is plain text, read as it is rather than extracted from HTML. */
    static boolean isPlainText(String document, Document doc) {
        String name = document.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return true;
        }
        return doc.contentType() != null && doc.contentType().startsWith("text/plain");
    }

    /**
     * A document as an article, {@code index} giving it its time in the call: a text file's content
     * is its text as it is (its first line is also its title, for display), an HTML page is
     * extracted.
     */
    static Read article(
            String document,
            Document doc,
            int index,
            io.newshound.ingest.extract.ArticleExtractor extractor) {
        java.time.Instant at = OFFLINE_EPOCH.plusSeconds(index);
        if (isPlainText(document, doc)) {
            String text = new String(doc.bytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            int nl = text.indexOf('\n');
            String title = nl < 0 ? "" : text.substring(0, nl).replace("\r", "");
            String body = nl < 0 ? text : text.substring(nl + 1);
            if (title.isBlank()) {
                title = "";
                body = text;
            }
            return new Read(
                    io.newshound.events.Article.of(
                            document, doc.url(), "", "", null, title, null, at, at, null, body),
                    title.isEmpty() ? 0 : nl + 1);
        }
        io.newshound.ingest.extract.ExtractedPage page =
                extractor.extract(doc.bytes(), doc.charset(), doc.url());
        return new Read(
                io.newshound.events.Article.of(
                        document,
                        page.canonicalUrl() == null ? doc.url() : page.canonicalUrl(),
                        "",
                        "",
                        null,
                        page.title(),
                        page.author(),
                        at,
                        at,
                        page.language(),
                        page.text()),
                0);
    }

    /**
     * A document read as an article, and where its body starts in the document's own text (for a
     * text file; 0 for a page, whose text is the extracted title, a blank line and the body).
     */
    record Read(io.newshound.events.Article article, int bodyStart) {
        /** Where an offset into the article's full text falls in the document's text. */
        int offsetInDocument(int offset) {
            String title = article.title();
            if (bodyStart == 0 || title.isEmpty() || offset <= title.length()) {
                return offset;
            }
            return Math.max(bodyStart, offset - (title.length() + 2) + bodyStart);
        }
    }

    /** The first line of a text, for a title. */
    static String firstLine(String text) {
        String stripped = text.strip();
        int nl = stripped.indexOf('\n');
        return (nl < 0 ? stripped : stripped.substring(0, nl)).strip();
    }

    /** Offline tools give the documents of one call consecutive times from here. */
    static final java.time.Instant OFFLINE_EPOCH = java.time.Instant.parse("2026-01-01T00:00:00Z");

    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }
}
