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
