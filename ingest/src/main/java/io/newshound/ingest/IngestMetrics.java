package io.newshound.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingest's meters: polls by feed and outcome, fetch latency, articles published, extraction
 * fallbacks, and each feed's health.
 */
public final class IngestMetrics implements MeterBinder {
    private final Map<String, FeedHealth> health = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    void polled(String feed, PollOutcome outcome, Duration took) {
        MeterRegistry r = registry();
        Counter.builder("newshound.feed.polls")
                .description("Feed polls by feed and outcome")
                .tag("feed", feed)
                .tag("outcome", outcome.outcome())
                .register(r)
                .increment();
        Timer.builder("newshound.feed.poll.duration")
                .description("Time to fetch, parse and publish one feed")
                .tag("feed", feed)
                .register(r)
                .record(took);
        if (outcome.published() > 0) {
            Counter.builder("newshound.ingest.articles.published")
                    .description("Articles published to Kafka")
                    .tag("feed", feed)
                    .register(r)
                    .increment(outcome.published());
        }
    }

    void fallback(String reason) {
        Counter.builder("newshound.ingest.extraction.fallbacks")
                .description("Articles whose text came from the feed because the page failed")
                .tag("reason", reason)
                .register(registry())
                .increment();
    }

    void recordHealth(String feed, FeedHealth state) {
        if (health.put(feed, state) == null) {
            MeterRegistry r = registry();
            Gauge.builder("newshound.feed.consecutive.errors", health, h -> errors(h, feed))
                    .description("Failed polls of a feed since its last success")
                    .tag("feed", feed)
                    .register(r);
            Gauge.builder("newshound.feed.last.success", health, h -> lastSuccess(h, feed))
                    .description("Unix time of a feed's last successful poll, 0 when never")
                    .tag("feed", feed)
                    .baseUnit("seconds")
                    .register(r);
        }
    }

    FeedHealth healthOf(String feed) {
        return health.getOrDefault(feed, FeedHealth.UNKNOWN);
    }

    Map<String, FeedHealth> health() {
        return Map.copyOf(health);
    }

    private static double errors(Map<String, FeedHealth> health, String feed) {
        FeedHealth h = health.get(feed);
        return h == null ? 0 : h.consecutiveErrors();
    }

    private static double lastSuccess(Map<String, FeedHealth> health, String feed) {
        FeedHealth h = health.get(feed);
        return h == null || h.lastSuccess() == null ? 0 : h.lastSuccess().getEpochSecond();
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("IngestMetrics is not bound to a registry");
        }
        return r;
    }
}
