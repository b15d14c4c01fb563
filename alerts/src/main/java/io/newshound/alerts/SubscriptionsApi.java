package io.newshound.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newshound.events.Durations;
import io.newshound.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions API of the alerts service, under {@code /api/}; every call needs {@code
 * Authorization: Bearer TOKEN}.
 *
 * <pre>
 * GET    /api/subscriptions               every subscription (secrets left out)
 * POST   /api/subscriptions               create one (JSON body, as in the configuration file)
 * GET    /api/subscriptions/ID            one
 * PUT    /api/subscriptions/ID            create or replace it
 * DELETE /api/subscriptions/ID            delete it
 * PUT    /api/subscriptions/ID/mute       mute it: {"for": "2h"}, {"until": "2026-11-23T08:00:00Z"}, or
 *                                         no body for good
 * DELETE /api/subscriptions/ID/mute       lift the mute
 * PUT    /api/topics/TOPIC/mute           mute a topic for everyone, as above
 * DELETE /api/topics/TOPIC/mute           lift it
 * GET    /api/mutes                       the mutes in force
 * </pre>
 *
 * Ops channels of the configuration file are listed and can be muted, but not changed or deleted
 * here. Errors answer {@code {"error": "..."}} with a 4xx status, or 503 when the broker does not
 * take a change.
 */
final class SubscriptionsApi implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionsApi.class);
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern PATH =
            Pattern.compile(
                    "/api/(?:(subscriptions)(?:/([^/]+)(/mute)?)?|(topics)/([^/]+)/mute|(mutes))/?");

    private final SubscriptionStore store;
    private final byte[] token;
    private final boolean canMail;
    private final Clock clock;

    /**
     * @param canMail whether a mail server is configured, so that email subscriptions can work
     */
    SubscriptionsApi(SubscriptionStore store, String token, boolean canMail, Clock clock) {
        this.store = store;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.canMail = canMail;
        this.clock = clock;
    }

    /** A failure to answer with {@code status} and {@code message}. */
    private static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                if (!authorized(exchange)) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    throw new ApiError(401, "missing or wrong bearer token");
                }
                answer(exchange);
            } catch (ApiError e) {
                send(exchange, e.status, error(e.getMessage()));
            } catch (IllegalStateException e) {
                log.warn("subscriptions API: {}", e.getMessage());
                send(exchange, 503, error(e.getMessage()));
            } catch (RuntimeException e) {
                log.error(
                        "subscriptions API: {} {} failed",
                        exchange.getRequestMethod(),
                        path(exchange),
                        e);
                send(exchange, 500, error("internal error: " + e.getClass().getSimpleName()));
            }
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null
                && MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8), token);
    }

    private static String path(HttpExchange exchange) {
        return exchange.getRequestURI().getPath();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Matcher m = PATH.matcher(path(exchange));
        if (!m.matches()) {
            throw new ApiError(404, "no such resource: " + path(exchange));
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (m.group(6) != null) {
            requireMethod(method, "GET");
            ArrayNode mutes = Json.mapper().createArrayNode();
            store.mutes().forEach(mute -> mutes.add(Json.mapper().valueToTree(mute)));
            send(exchange, 200, mutes);
        } else if (m.group(4) != null) {
            mute(exchange, method, Mute.Kind.TOPIC, m.group(5));
        } else if (m.group(2) == null) {
            collection(exchange, method);
        } else if (m.group(3) != null) {
            String id = m.group(2);
            if (store.get(id).isEmpty()) {
                throw new ApiError(404, "no subscription " + id);
            }
            mute(exchange, method, Mute.Kind.SUBSCRIPTION, id);
        } else {
            item(exchange, method, m.group(2));
        }
    }

    private void collection(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> {
                ArrayNode all = Json.mapper().createArrayNode();
                store.all().forEach(s -> all.add(view(s)));
                send(exchange, 200, all);
            }
            case "POST" -> {
                Subscription s = subscription(exchange, null);
                if (store.get(s.id()).isPresent()) {
                    throw new ApiError(409, "subscription " + s.id() + " exists; PUT replaces it");
                }
                store.put(s);
                log.info("subscriptions API: created {}", s);
                exchange.getResponseHeaders().set("Location", "/api/subscriptions/" + s.id());
                send(exchange, 201, view(s));
            }
            default -> throw new ApiError(405, method + " is not allowed here; use GET or POST");
        }
    }

    private void item(HttpExchange exchange, String method, String id) throws IOException {
        switch (method) {
            case "GET" ->
                    send(
                            exchange,
                            200,
                            view(
                                    store.get(id)
                                            .orElseThrow(
                                                    () ->
                                                            new ApiError(
                                                                    404,
                                                                    "no subscription " + id))));
            case "PUT" -> {
                if (store.isConfigured(id)) {
                    throw new ApiError(409, id + " is an ops channel of the configuration file");
                }
                boolean existed = store.get(id).isPresent();
                Subscription s = subscription(exchange, id);
                store.put(s);
                log.info("subscriptions API: {} {}", existed ? "replaced" : "created", s);
                send(exchange, existed ? 200 : 201, view(s));
            }
            case "DELETE" -> {
                if (store.isConfigured(id)) {
                    throw new ApiError(409, id + " is an ops channel of the configuration file");
                }
                if (!store.delete(id)) {
                    throw new ApiError(404, "no subscription " + id);
                }
                log.info("subscriptions API: deleted {}", id);
                send(exchange, 204, null);
            }
            default ->
                    throw new ApiError(
                            405, method + " is not allowed here; use GET, PUT or DELETE");
        }
    }

    private void mute(HttpExchange exchange, String method, Mute.Kind kind, String name)
            throws IOException {
        switch (method) {
            case "PUT", "POST" -> {
                Instant until = until(body(exchange));
                Mute mute = store.mute(kind, name, until);
                log.info(
                        "subscriptions API: muted {} {}",
                        mute.key(),
                        until == null ? "until lifted" : "until " + until);
                send(exchange, 200, Json.mapper().valueToTree(mute));
            }
            case "DELETE" -> {
                if (!store.unmute(kind, name)) {
                    throw new ApiError(404, Mute.key(kind, name) + " is not muted");
                }
                log.info("subscriptions API: lifted the mute of {}", Mute.key(kind, name));
                send(exchange, 204, null);
            }
            default -> throw new ApiError(405, method + " is not allowed here; use PUT or DELETE");
        }
    }

    /**
     * The end of a mute asked for: {"until": INSTANT}, {"for": DURATION}, or nothing (for good).
     */
    private Instant until(JsonNode body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            if (body.hasNonNull("until")) {
                Instant until = Instant.parse(body.get("until").asText());
                if (!until.isAfter(clock.instant())) {
                    throw new ApiError(400, "until: " + until + " is not in the future");
                }
                return until;
            }
            if (body.hasNonNull("for")) {
                return clock.instant().plus(duration(body.get("for").asText()));
            }
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "until: not an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
        throw new ApiError(400, "give {\"for\": \"2h\"} or {\"until\": \"...Z\"}, or no body");
    }

    private static Duration duration(String text) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "for: " + e.getMessage());
        }
        if (d.isNegative() || d.isZero()) {
            throw new ApiError(400, "for: the duration must be positive");
        }
        return d;
    }

    /** The subscription in the body; {@code id} (from the path) wins over the body's. */
    private Subscription subscription(HttpExchange exchange, String id) throws IOException {
        JsonNode body = body(exchange);
        if (!(body instanceof ObjectNode object)) {
            throw new ApiError(400, "body: a JSON object with the subscription is needed");
        }
        if (id != null) {
            if (object.hasNonNull("id") && !object.get("id").asText().equals(id)) {
                throw new ApiError(
                        400, "id: the body says " + object.get("id").asText() + ", the path " + id);
            }
            object.put("id", id);
        }
        Subscription s;
        try {
            s = Json.mapper().treeToValue(object, Subscription.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new ApiError(400, "not a valid subscription: " + firstLine(message));
        }
        if (s.channel().equals("console")) {
            throw new ApiError(
                    400, s.id() + ": the console is for ops; use slack, webhook or email");
        }
        if (s.channel().equals("email") && !canMail) {
            throw new ApiError(400, s.id() + ": no mail server is configured (alerts.smtp)");
        }
        return s;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiError(413, "body: more than " + MAX_BODY + " bytes");
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "body: not JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** A subscription as the API shows it: whether a secret or token is set, never its value. */
    private ObjectNode view(Subscription s) {
        ObjectNode node = Json.mapper().valueToTree(s);
        if (s.secret() != null) {
            node.put("secret", "(set)");
        }
        if (s.token() != null) {
            node.put("token", "(set)");
        }
        node.put("source", store.isConfigured(s.id()) ? "configuration" : "api");
        store.mutes().stream()
                .filter(m -> m.kind() == Mute.Kind.SUBSCRIPTION && m.name().equals(s.id()))
                .findFirst()
                .ifPresent(
                        m -> {
                            node.put("muted", true);
                            if (m.until() != null) {
                                node.put("muted-until", m.until().toString());
                            }
                        });
        return node;
    }

    private void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiError(405, method + " is not allowed here; use " + allowed);
        }
    }

    private static ObjectNode error(String message) {
        return Json.mapper().createObjectNode().put("error", message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
