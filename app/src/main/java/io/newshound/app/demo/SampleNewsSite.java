package io.newshound.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newshound.ingest.FeedSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small news site of fictional outlets served on localhost: RSS and Atom feeds and article pages,
 * written for the demo.
 *
 * <p>Files are bundled resources with placeholders filled at serving time: {@code {{base}}} is the
 * site's address, {@code {{minutes-ago:N}}} and {@code {{iso-minutes-ago:N}}} are times N minutes
 * before the site started. A feed item marked {@code <!-- release-after: 20s -->} appears only that
 * long after the start, or when {@link #releaseAll()} is called; so the demo shows news arriving
 * while it runs.
 */
public final class SampleNewsSite implements AutoCloseable {
    private static final String ROOT = "/io/newshound/app/demo/site";
    private static final Pattern ITEM =
            Pattern.compile("(?s)[ \\t]*<(item|entry)>(.*?)</\\1>\\s*?\\n");
    private static final Pattern RELEASE = Pattern.compile("<!-- release-after: (\\d+)s -->");
    private static final Pattern MINUTES_AGO = Pattern.compile("\\{\\{(iso-)?minutes-ago:(\\d+)}}");

    private final HttpServer server;
    private final Clock clock;
    private final Instant started;
    private final boolean releaseOnSchedule;
    private final URI publicBase;
    private volatile boolean releasedAll;

    private SampleNewsSite(
            HttpServer server, Clock clock, boolean releaseOnSchedule, URI publicBase) {
        this.server = server;
        this.publicBase = publicBase;
        this.clock = clock;
        this.started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.releaseOnSchedule = releaseOnSchedule;
        server.createContext("/", this::serve);
        server.setExecutor(
                Executors.newFixedThreadPool(
                        4,
                        r -> {
                            Thread t = new Thread(r, "newshound-demo-site");
                            t.setDaemon(true);
                            return t;
                        }));
        server.start();
    }

    /**
     * Serves the site on {@code host:port} (0 picks a free port).
     *
     * @param releaseOnSchedule whether held items appear after their delay; when false they wait
     *     for {@link #releaseAll()}
     */
    public static SampleNewsSite start(String host, int port, boolean releaseOnSchedule) {
        return start(host, port, releaseOnSchedule, null);
    }

    /**
     * Serves the site on {@code host:port}, its feeds and links naming it by {@code publicBase}
     * (e.g. {@code http://site:8080} inside a compose network); null for its own address.
     */
    public static SampleNewsSite start(
            String host, int port, boolean releaseOnSchedule, URI publicBase) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            return new SampleNewsSite(server, Clock.systemUTC(), releaseOnSchedule, publicBase);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot serve the sample site on " + host + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    /** The site's address, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        if (publicBase != null) {
            return URI.create(publicBase.toString().replaceAll("/+$", ""));
        }
        return URI.create(
                "http://"
                        + server.getAddress().getHostString()
                        + ":"
                        + server.getAddress().getPort());
    }

    /** The site's feeds, with their outlets' names. */
    public List<FeedSource> feeds() {
        List<FeedSource> feeds = new ArrayList<>();
        for (String line : resource("/feeds.txt").split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\|", 2);
            feeds.add(
                    new FeedSource(URI.create(base() + parts[0].strip()), parts[1].strip(), null));
        }
        return feeds;
    }

    /** Makes every held item appear now. */
    public void releaseAll() {
        releasedAll = true;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String type;
        if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
            type = "application/xml; charset=utf-8";
        } else if (path.startsWith("/articles/") && path.endsWith(".html")) {
            type = "text/html; charset=utf-8";
        } else {
            respond(exchange, 404, "text/plain", "not found: " + path);
            return;
        }
        String body;
        try {
            body = resource(path);
        } catch (UncheckedIOException e) {
            respond(exchange, 404, "text/plain", "not found: " + path);
            return;
        }
        if (path.startsWith("/feeds/")) {
            body = withoutHeldItems(body);
        }
        respond(exchange, 200, type, fill(body));
    }

    private String withoutHeldItems(String feed) {
        Duration elapsed = Duration.between(started, clock.instant());
        Matcher m = ITEM.matcher(feed);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Matcher release = RELEASE.matcher(m.group(2));
            boolean held =
                    release.find()
                            && !releasedAll
                            && !(releaseOnSchedule
                                    && elapsed.getSeconds() >= Long.parseLong(release.group(1)));
            m.appendReplacement(out, held ? "" : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String fill(String text) {
        Matcher m = MINUTES_AGO.matcher(text.replace("{{base}}", base().toString()));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Instant at = started.minus(Duration.ofMinutes(Long.parseLong(m.group(2))));
            String formatted =
                    m.group(1) != null
                            ? DateTimeFormatter.ISO_INSTANT.format(at)
                            : DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    at.atOffset(ZoneOffset.UTC));
            m.appendReplacement(out, Matcher.quoteReplacement(formatted));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resource(String path) {
        if (path.contains("..")) {
            throw new UncheckedIOException(new IOException("bad path " + path));
        }
        try (InputStream in = SampleNewsSite.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no resource " + path));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers with {@code body} and its ETag, or 304 Not Modified when the client already has it,
     * as a well-behaved news site does for conditional polls.
     */
    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(bytes)) + "\"";
        if (status == 200) {
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
