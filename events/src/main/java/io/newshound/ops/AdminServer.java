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
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

    private void metrics(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }

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
