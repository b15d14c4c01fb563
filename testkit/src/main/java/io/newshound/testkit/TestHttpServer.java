package io.newshound.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free loopback port, answering each path with a canned response and
 * remembering the requests it got.
 */
public final class TestHttpServer implements AutoCloseable {
    /** A canned answer. */
    public record Response(
            int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Response ok(String contentType, String body) {
            return new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        /** The same answer with {@code name: value} added to its headers. */
        public Response withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Response(status, contentType, body, Map.copyOf(more));
        }

        public static Response status(int status) {
            return new Response(
                    status,
                    "text/plain",
                    ("status " + status).getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
    }

    /** A request the server got. */
    public record Request(
            String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TestHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(
                Executors.newFixedThreadPool(
                        16,
                        r -> {
                            Thread t = new Thread(r, "test-http");
                            t.setDaemon(true);
                            return t;
                        }));
        server.start();
    }

    public static TestHttpServer start() {
        try {
            return new TestHttpServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test HTTP server", e);
        }
    }

    /** Answers {@code path} with {@code response} from now on. */
    public TestHttpServer on(String path, Response response) {
        routes.put(path, response);
        return this;
    }

    /**
     * Answers {@code path} with {@code handler} from now on, for answers a canned response cannot
     * give: slow, truncated, stateful.
     */
    public TestHttpServer handle(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** The requests so far for {@code path}. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The absolute URI of {@code path} on this server. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The requests so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Request request =
                new Request(
                        exchange.getRequestMethod(),
                        path,
                        Map.copyOf(exchange.getRequestHeaders()),
                        body);
        requests.add(request);
        HttpHandler handler = handlers.get(path);
        if (handler != null) {
            handler.handle(exchange);
            return;
        }
        Response response = routes.getOrDefault(path, Response.status(404));
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        String etag = response.headers().get("ETag");
        if (etag != null && etag.equals(request.header("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(
                response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
