package io.newshound.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newshound.events.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of a service process: {@code /metrics} in Prometheus' text format, and health
 * as JSON, 200 when every check is up and 503 otherwise: {@code /health/ready} (can it do its work
 * now: streams running, partitions assigned, broker answering; {@code /health} is the same) and
 * {@code /health/live} (is the process worth keeping: no part has died for good).
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final PrometheusMeterRegistry registry;
    private final Map<String, HealthCheck> readiness = new ConcurrentHashMap<>();
    private final Map<String, HealthCheck> liveness = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;

    private AdminServer(PrometheusMeterRegistry registry, HttpServer server) {
        this.registry = registry;
        this.server = server;
        this.executor =
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "newshound-admin");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/metrics", this::metrics);
        server.createContext("/health", this::health);
    }

    /**
     * Starts serving on {@code host:port}; port 0 picks a free one.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static AdminServer start(PrometheusMeterRegistry registry, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            AdminServer admin = new AdminServer(registry, server);
            server.start();
            return admin;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Serves {@code path} and everything under it with {@code handler}, on the same port as the
     * metrics (a service's own API, such as the subscriptions of alerts).
     */
    public AdminServer route(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /**
     * Adds a readiness check under {@code name}; a later check with the same name replaces it. The
     * part counts as alive while the process runs.
     */
    public AdminServer register(String name, HealthCheck ready) {
        readiness.put(name, ready);
        return this;
    }

    /** Adds the readiness and the liveness check of the part {@code name}. */
    public AdminServer register(String name, HealthCheck ready, HealthCheck live) {
        readiness.put(name, ready);
        liveness.put(name, live);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:9404}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Every metric, or with {@code ?name[]=A&name[]=B} (as Prometheus' own exporters take it) only
     * those named: a tool that wants a few values need not pay for thousands of Kafka gauges.
     */
    private void metrics(HttpExchange exchange) throws IOException {
        Set<String> names = requestedNames(exchange.getRequestURI().getRawQuery());
        respond(
                exchange,
                200,
                TEXT_FORMAT,
                names.isEmpty() ? registry.scrape() : registry.scrape(TEXT_FORMAT, names));
    }

    /**
     * The names asked for in {@code query}, each also without the suffix the text format adds to a
     * counter's or a summary's name, since the registry filters on the names without it.
     */
    static Set<String> requestedNames(String query) {
        Set<String> names = new HashSet<>();
        if (query == null) {
            return names;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0
                    || !URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                            .equals("name[]")) {
                continue;
            }
            String name = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            names.add(name);
            for (String suffix : SUFFIXES) {
                if (name.endsWith(suffix)) {
                    names.add(name.substring(0, name.length() - suffix.length()));
                }
            }
        }
        return names;
    }

    private static final List<String> SUFFIXES =
            List.of("_total", "_created", "_count", "_sum", "_bucket", "_max", "_info");

    private void health(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) {
            case "/health", "/health/ready" -> report(exchange, readiness);
            case "/health/live" -> report(exchange, liveness);
            default ->
                    respond(
                            exchange,
                            404,
                            "application/json",
                            "{\"error\": \"no such check; use /health/live or /health/ready\"}");
        }
    }

    private void report(HttpExchange exchange, Map<String, HealthCheck> checks) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode details = body.putObject("checks");
        boolean allUp = true;
        for (var entry : new TreeMap<>(checks).entrySet()) {
            Health health;
            try {
                health = entry.getValue().check();
            } catch (RuntimeException e) {
                health = Health.down("check failed: " + e.getMessage());
            }
            allUp &= health.up();
            details.putObject(entry.getKey())
                    .put("status", health.up() ? "UP" : "DOWN")
                    .put("detail", health.detail());
        }
        body.put("status", allUp ? "UP" : "DOWN");
        respond(
                exchange,
                allUp ? 200 : 503,
                "application/json",
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }

    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.debug("admin server on port {} stopped", port());
    }
}
