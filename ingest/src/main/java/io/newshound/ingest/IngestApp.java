package io.newshound.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.ingest.extract.ArticleExtractor;
import io.newshound.ingest.feed.FeedParser;
import io.newshound.ingest.feed.HttpFetcher;
import io.newshound.ops.Health;
import io.newshound.ops.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: polls every configured feed on its interval and publishes new articles to the
 * articles topic.
 */
public final class IngestApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestApp.class);

    private final IngestConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry registry;
    private final IngestMetrics metrics = new IngestMetrics();
    private ScheduledExecutorService scheduler;
    private KafkaArticlePublisher publisher;
    private FeedPoller poller;

    public IngestApp(IngestConfig config, KafkaSettings kafka, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Creates missing topics, connects to Kafka and starts polling. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("ingest is already started");
        }
        TopicAdmin.ensureTopics(kafka, List.of(kafka.topics().articles()));
        metrics.bindTo(registry);
        publisher = new KafkaArticlePublisher(kafka, kafka.topicPrefix() + "ingest", registry);
        HttpFetcher fetcher =
                new HttpFetcher(
                        HttpFetcher.defaultClient(config.connectTimeout()),
                        config.userAgent(),
                        config.requestTimeout(),
                        config.maxBodyBytes());
        poller =
                new FeedPoller(
                        fetcher,
                        new FeedParser(),
                        new ArticleExtractor(),
                        publisher,
                        metrics,
                        Clock.systemUTC(),
                        config.fetchPages());
        AtomicInteger threads = new AtomicInteger();
        scheduler =
                Executors.newScheduledThreadPool(
                        config.pollThreads(),
                        r -> {
                            Thread t = new Thread(r, "newshound-poll-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        for (FeedSource feed : config.feeds()) {
            Duration interval = config.intervalOf(feed);
            // Jitter spreads the first polls so that many feeds do not start at one instant.
            long firstDelay =
                    ThreadLocalRandom.current().nextLong(Math.min(interval.toMillis(), 500) + 1);
            scheduler.scheduleWithFixedDelay(
                    () -> pollSafely(feed), firstDelay, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info("ingest polling {} feeds", config.feeds().size());
    }

    private void pollSafely(FeedSource feed) {
        try {
            poller.poll(feed);
        } catch (RuntimeException e) {
            // A bug in one poll must not cancel the feed's schedule.
            log.error("feed {}: unexpected failure: {}", feed.url(), e.toString(), e);
        }
    }

    /** Each feed's health, by feed label. */
    public Map<String, FeedHealth> feedHealth() {
        return metrics.health();
    }

    /** Up while polling; says how many feeds are failing. */
    public HealthCheck health() {
        return () -> {
            if (scheduler == null || scheduler.isShutdown()) {
                return Health.down("not polling");
            }
            long failing =
                    metrics.health().values().stream()
                            .filter(h -> h.consecutiveErrors() > 0)
                            .count();
            return Health.up(
                    "polling " + config.feeds().size() + " feeds, " + failing + " failing");
        };
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
