package io.newshound.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newshound.events.FeedState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Ingest's meters: polls by feed and outcome, poll time, bytes, articles published, extraction
 * fallbacks, publishing transactions, and each owned feed's health.
 */
public final class IngestMetrics implements MeterBinder {
    private final Map<String, FeedState> health = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> feedGauges = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    /**
     * Binds the Kafka client meters of {@code producer} and {@code consumer} (send rates, errors,
     * consumer lag); close what is returned when the clients close.
     */
    AutoCloseable bindClients(Producer<?, ?> producer, Consumer<?, ?> consumer) {
        KafkaClientMetrics sent = new KafkaClientMetrics(producer);
        KafkaClientMetrics read = new KafkaClientMetrics(consumer);
        sent.bindTo(registry());
        read.bindTo(registry());
        return () -> {
            sent.close();
            read.close();
        };
    }

    /** Gauges over the owned feeds; {@code owned} is read at scrape time. */
    void bindOwned(Supplier<Integer> owned) {
        Gauge.builder("newshound.ingest.feeds.owned", owned, s -> s.get())
                .strongReference(true) // the supplier is a lambda only the gauge holds
                .description("Feeds this instance polls")
                .register(registry());
        Gauge.builder("newshound.ingest.feeds.failing", health, h -> count(h, false))
                .description("Owned feeds whose last poll failed")
                .register(registry());
        Gauge.builder("newshound.ingest.feeds.retired", health, h -> count(h, true))
                .description("Owned feeds retired after 410 Gone")
                .register(registry());
    }

    void polled(String feed, PollResult result, Duration took) {
        MeterRegistry r = registry();
        Counter.builder("newshound.feed.polls")
                .description("Feed polls by feed and outcome")
                .tag("feed", feed)
                .tag("outcome", result.outcome())
                .register(r)
                .increment();
        Timer.builder("newshound.ingest.poll.duration")
                .description("Time to fetch a feed, and its new pages")
                .publishPercentileHistogram()
                .register(r)
                .record(took);
        Counter.builder("newshound.ingest.bytes")
                .description("Bytes received for feeds and pages")
                .baseUnit("bytes")
                .register(r)
                .increment(result.wireBytes());
        for (String reason : result.fallbacks()) {
            Counter.builder("newshound.ingest.extraction.fallbacks")
                    .description("Articles whose text came from the feed because the page failed")
                    .tag("reason", reason)
                    .register(r)
                    .increment();
        }
    }

    void published(String feed, int articles) {
        if (articles > 0) {
            Counter.builder("newshound.ingest.articles.published")
                    .description("Articles published to Kafka")
                    .tag("feed", feed)
                    .register(registry())
                    .increment(articles);
        }
    }

    void transaction(String outcome) {
        Counter.builder("newshound.ingest.transactions")
                .description("Publishing transactions (articles and feed states) by outcome")
                .tag("outcome", outcome)
                .register(registry())
                .increment();
    }

    void deadLetter(String topic) {
        Counter.builder("newshound.deadletters")
                .description("Records sent to the dead-letter topic, by service and source topic")
                .tag("service", "ingest")
                .tag("topic", topic)
                .register(registry())
                .increment();
    }

    void recordHealth(String feed, FeedState state) {
        if (health.put(feed, state) == null) {
            MeterRegistry r = registry();
            feedGauges.put(
                    feed,
                    List.of(
                            Gauge.builder(
                                            "newshound.feed.consecutive.errors",
                                            health,
                                            h -> errors(h, feed))
                                    .description("Failed polls of a feed since its last success")
                                    .tag("feed", feed)
                                    .register(r),
                            Gauge.builder(
                                            "newshound.feed.last.success",
                                            health,
                                            h -> lastSuccess(h, feed))
                                    .description(
                                            "Unix time of a feed's last successful poll, 0 when never")
                                    .tag("feed", feed)
                                    .baseUnit("seconds")
                                    .register(r)));
        }
    }

    /** Stops reporting a feed this instance no longer owns. */
    void forget(String feed) {
        health.remove(feed);
        List<Meter> meters = feedGauges.remove(feed);
        if (meters != null) {
            meters.forEach(registry()::remove);
        }
    }

    Map<String, FeedState> health() {
        return Map.copyOf(health);
    }

    private static double count(Map<String, FeedState> health, boolean retired) {
        return health.values().stream()
                .filter(s -> retired ? s.retired() : !s.retired() && s.consecutiveErrors() > 0)
                .count();
    }

    private static double errors(Map<String, FeedState> health, String feed) {
        FeedState s = health.get(feed);
        return s == null ? 0 : s.consecutiveErrors();
    }

    private static double lastSuccess(Map<String, FeedState> health, String feed) {
        FeedState s = health.get(feed);
        return s == null || s.lastSuccessAt() == null ? 0 : s.lastSuccessAt().getEpochSecond();
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("IngestMetrics is not bound to a registry");
        }
        return r;
    }
}
