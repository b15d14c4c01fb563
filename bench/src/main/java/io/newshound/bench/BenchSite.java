package io.newshound.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A local news site with any number of feeds, for load. In {@code static} mode every feed is an
 * unchanging empty channel with an ETag, so conditional polls get 304; in {@code changing} mode
 * every request of a feed returns 20 entries never seen before, each linking to a generated page of
 * about 5 KB.
 */
final class BenchSite implements AutoCloseable {
    static final int ENTRIES = 20;
    static final int PAGE_BYTES = 5 * 1024;

    /** Pages are generated once: serving them should cost the site little. */
    private static final int DISTINCT_PAGES = 1000;

    private final HttpServer server;

    /** The server's handler threads: not daemons, so they are shut down on close. */
    private final ExecutorService handlers;

    private final AtomicLongArray rounds;
    private final byte[][] pages = new byte[DISTINCT_PAGES][];
    private volatile boolean changing;

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, each answer
        // then waits for the client's delayed ACK (up to 40 ms). Read once, before any server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    BenchSite(int feeds, int threads) throws IOException {
        this.rounds = new AtomicLongArray(feeds);
        for (int i = 0; i < DISTINCT_PAGES; i++) {
            pages[i] = utf8(SyntheticNews.page("Report " + i, i, PAGE_BYTES));
        }
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", this::serve);
        handlers = Executors.newFixedThreadPool(threads);
        server.setExecutor(handlers);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/control")) {
                changing = "changing".equals(exchange.getRequestURI().getQuery());
                respond(exchange, 200, "text/plain", utf8(changing ? "changing" : "static"), null);
            } else if (path.startsWith("/feed/")) {
                serveFeed(exchange, Integer.parseInt(path.substring(6, path.length() - 4)));
            } else if (path.startsWith("/page/")) {
                String id = path.substring(6, path.length() - 5);
                respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        pages[Math.floorMod(id.hashCode(), DISTINCT_PAGES)],
                        null);
            } else {
                respond(exchange, 404, "text/plain", utf8("not found"), null);
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain", utf8(e.toString()), null);
        }
    }

    private void serveFeed(HttpExchange exchange, int feed) throws IOException {
        if (!changing) {
            String etag = "\"static-" + feed + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            respond(
                    exchange,
                    200,
                    "application/rss+xml",
                    utf8(
                            "<rss version=\"2.0\"><channel><title>Outlet "
                                    + feed
                                    + "</title></channel></rss>"),
                    etag);
            return;
        }
        long round = rounds.incrementAndGet(feed);
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<rss version=\"2.0\"><channel><title>Outlet ").append(feed).append("</title>");
        for (int e = 0; e < ENTRIES; e++) {
            String id = feed + "-" + round + "-" + e;
            xml.append("<item><title>Report ")
                    .append(id)
                    .append("</title><link>")
                    .append(base())
                    .append("/page/")
                    .append(id)
                    .append(".html</link><guid isPermaLink=\"false\">")
                    .append(id)
                    .append("</guid><description>Summary of report ")
                    .append(id)
                    .append(".</description></item>");
        }
        xml.append("</channel></rss>");
        respond(
                exchange,
                200,
                "application/rss+xml",
                utf8(xml.toString()),
                "\"round-" + feed + "-" + round + "\"");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(
            HttpExchange exchange, int status, String type, byte[] body, String etag)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
