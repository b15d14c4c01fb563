package io.newshound.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the router remembers of one subscription between alerts: how much of each rate budget the
 * current windows have used, and the claims held back for its next digest.
 *
 * @param windows per budget ({@code subscription}, or {@code topic:NAME}), its current window
 * @param held the claims held for the next digest; null when none are
 */
record Pacing(
        @JsonProperty("windows") Map<String, Window> windows, @JsonProperty("held") Held held) {

    static final Pacing NONE = new Pacing(Map.of(), null);

    Pacing {
        windows = windows == null ? Map.of() : Map.copyOf(windows);
    }

    /**
     * One window of a budget.
     *
     * @param start its start
     * @param end its end
     * @param sent alerts sent in it
     */
    record Window(
            @JsonProperty("start") Instant start,
            @JsonProperty("end") Instant end,
            @JsonProperty("sent") int sent) {}

    /**
     * Claims held back for a digest.
     *
     * @param from the start of the period the digest covers
     * @param due when it is sent
     * @param reason {@code hourly}, {@code daily} or {@code budget}
     * @param topics the topics of the claims held, in the order they came
     * @param claims the claims held, oldest first, at most {@link Alert#DIGEST_MAX_CLAIMS}
     * @param total how many claims were held, listed or not
     */
    record Held(
            @JsonProperty("from") Instant from,
            @JsonProperty("due") Instant due,
            @JsonProperty("reason") String reason,
            @JsonProperty("topics") List<String> topics,
            @JsonProperty("claims") List<Claim> claims,
            @JsonProperty("total") int total) {
        Held {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(due, "due");
            topics = List.copyOf(topics);
            claims = List.copyOf(claims);
        }

        Held plus(Alert alert) {
            Set<String> allTopics = new LinkedHashSet<>(topics);
            allTopics.addAll(alert.topics());
            List<Claim> more = claims;
            if (claims.size() < Alert.DIGEST_MAX_CLAIMS) {
                more = new ArrayList<>(claims);
                more.add(alert.claim());
            }
            return new Held(from, due, reason, List.copyOf(allTopics), more, total + 1);
        }

        Alert.Digest digest() {
            return new Alert.Digest(from, due, claims, total, reason);
        }
    }

    /**
     * The window of {@code budget} at {@code now}: the stored one while it lasts, else a new one.
     */
    Window window(String name, Budget budget, Instant now) {
        Window w = windows.get(name);
        if (w != null && !now.isBefore(w.start()) && now.isBefore(w.end())) {
            return w;
        }
        Instant start = budget.windowStart(now);
        return new Window(start, start.plus(budget.per()), 0);
    }

    /** This with one more alert counted in each of {@code used}. */
    Pacing sent(Map<String, Window> used) {
        Map<String, Window> next = new HashMap<>(windows);
        used.forEach((name, w) -> next.put(name, new Window(w.start(), w.end(), w.sent() + 1)));
        return new Pacing(next, held);
    }

    /**
     * This with {@code alert} held for a digest; a digest already pending keeps its period, else a
     * new one runs from {@code from} to {@code due}.
     */
    Pacing hold(Alert alert, Instant from, Instant due, String reason) {
        Held base = held != null ? held : new Held(from, due, reason, List.of(), List.of(), 0);
        return new Pacing(windows, base.plus(alert));
    }

    /** This without its digest, and without the windows that have closed by {@code now}. */
    Pacing sweep(Instant now, boolean digestSent) {
        Map<String, Window> open = new HashMap<>();
        windows.forEach(
                (name, w) -> {
                    if (now.isBefore(w.end())) {
                        open.put(name, w);
                    }
                });
        return new Pacing(open, digestSent ? null : held);
    }

    boolean isEmpty() {
        return windows.isEmpty() && held == null;
    }
}
