package io.newshound.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local news site where articles keep appearing at a set rate, spread over N feeds, for the
 * end-to-end benchmark. Each feed lists its 20 newest articles (with an ETag, so an unchanged feed
 * answers 304); each article is a generated page of about 5 KB. One article in five is a copy of an
 * earlier one in another outlet's page (a near-duplicate); one in twenty names an envoy the default
 * topic rules follow, so its claims are alerted. The site notes when each page is first fetched:
 * the start of the fetch-to-alert latency.
 */
final class LoadSite implements AutoCloseable {
    static final int ENTRIES = 20;
    static final int PAGE_BYTES = 5 * 1024;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final HttpServer server;

    /** The server's handler threads: not daemons, so they are shut down on close. */
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);

    private final int feeds;
    private final Deque<Integer>[] newest;
    private final AtomicInteger published = new AtomicInteger();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final Map<Integer, Long> firstFetch = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> appeared = new ConcurrentHashMap<>();
    private volatile double rate;
    private double due;

    static {
        // See BenchSite: without it every answer waits for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @SuppressWarnings("unchecked")
    LoadSite(int feeds) throws IOException {
        this.feeds = feeds;
        this.newest = new Deque[feeds];
        for (int f = 0; f < feeds; f++) {
            newest[f] = new ArrayDeque<>();
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", this::serve);
        server.setExecutor(handlers);
        server.start();
        clock.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.MILLISECONDS);
    }

    URI feed(int f) {
        return URI.create(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/" + f + ".xml");
    }

    /** Articles per second from now on; 0 stops. */
    void publishAt(double perSecond) {
        rate = perSecond;
    }

    int published() {
        return published.get();
    }

    /** When article {@code n} was first fetched ({@link System#nanoTime}), or null. */
    Long firstFetch(int n) {
        return firstFetch.get(n);
    }

    /** Whether article {@code n} names what the topic rules follow. */
    static boolean isFollowed(int n) {
        return n % 20 == 1;
    }

    /** The earlier article that {@code n} copies, or -1 when it is a story of its own. */
    static int copyOf(int n) {
        return n % 5 == 3 && n > 50 ? n - 37 : -1;
    }

    private void tick() {
        due += rate / 100;
        while (due >= 1) {
            due--;
            int n = published.getAndIncrement();
            appeared.put(n, Instant.now());
            Deque<Integer> list = newest[n % feeds];
            synchronized (list) {
                list.addFirst(n);
                if (list.size() > ENTRIES) {
                    list.removeLast();
                }
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.startsWith("/feed/")) {
                serveFeed(exchange, Integer.parseInt(path.substring(6, path.length() - 4)));
            } else if (path.startsWith("/a/")) {
                int n = Integer.parseInt(path.substring(3, path.length() - 5));
                firstFetch.putIfAbsent(n, System.nanoTime());
                respond(exchange, 200, "text/html; charset=utf-8", page(n), null);
            } else {
                respond(exchange, 404, "text/plain", "not found", null);
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain", e.toString(), null);
        }
    }

    private void serveFeed(HttpExchange exchange, int f) throws IOException {
        Integer[] items;
        Deque<Integer> list = newest[f];
        synchronized (list) {
            items = list.toArray(new Integer[0]);
        }
        String etag = "\"" + f + "-" + (items.length == 0 ? "none" : items[0]) + "\"";
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<rss version=\"2.0\"><channel><title>Outlet ").append(f).append("</title>");
        for (int n : items) {
            xml.append("<item><title>")
                    .append(title(n))
                    .append("</title><link>")
                    .append(base)
                    .append("/a/")
                    .append(n)
                    .append(".html</link><guid isPermaLink=\"false\">a-")
                    .append(n)
                    .append("</guid><pubDate>")
                    .append(RFC_1123.format(appeared.get(n).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        xml.append("</channel></rss>");
        respond(exchange, 200, "application/rss+xml", xml.toString(), etag);
    }

    private static String title(int n) {
        return (isFollowed(n) ? "Envoy Witkoff expected in Moscow, report " : "Report ") + n;
    }

    /** The page of article {@code n}: its own text, or a copy of an earlier one's. */
    private static String page(int n) {
        int story = copyOf(n) >= 0 ? copyOf(n) : n;
        String html = SyntheticNews.page(title(n), story, PAGE_BYTES);
        if (isFollowed(story)) {
            html =
                    html.replace(
                            "</h1>",
                            "</h1><p>Steve Witkoff will travel to Moscow this week, officials said,"
                                    + " to discuss round "
                                    + story
                                    + " of the peace plan.</p>");
        }
        return html;
    }

    private static void respond(
            HttpExchange exchange, int status, String type, String body, String etag)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }
}
