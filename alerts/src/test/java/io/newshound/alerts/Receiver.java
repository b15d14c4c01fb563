package io.newshound.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP receiver for tests: answers each post to a path as that path's behaviour says, and
 * keeps every post it got.
 */
public final class Receiver implements AutoCloseable {
    /** A post as it arrived. */
    public record Post(String path, Map<String, String> headers, byte[] body, int answered) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * What to answer: a status, headers to add, a stall for {@code stallMillis}, and a body (null:
     * "ok" or "no").
     */
    public record Answer(int status, Map<String, String> headers, long stallMillis, String body) {
        public Answer(int status, Map<String, String> headers, long stallMillis) {
            this(status, headers, stallMillis, null);
        }

        public static Answer ok() {
            return new Answer(200, Map.of(), 0);
        }

        /** 200 with {@code json} as the body. */
        public static Answer json(String json) {
            return new Answer(200, Map.of("Content-Type", "application/json"), 0, json);
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), 0);
        }
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Integer, Answer>> behaviours = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers the n-th post (from 1) to {@code path} with {@code behaviour.apply(n)}. */
    public Receiver on(String path, Function<Integer, Answer> behaviour) {
        behaviours.put(path, behaviour);
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Post> posts(String path) {
        return posts.stream().filter(p -> p.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        int n = counts.merge(path, 1, Integer::sum);
        Answer answer = behaviours.getOrDefault(path, i -> Answer.ok()).apply(n);
        if (answer.stallMillis() > 0) {
            try {
                Thread.sleep(answer.stallMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders()
                .forEach(
                        (k, v) ->
                                headers.put(
                                        k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        posts.add(new Post(path, headers, body, answer.status()));
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        String text =
                answer.body() != null ? answer.body() : answer.status() / 100 == 2 ? "ok" : "no";
        byte[] reply = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
