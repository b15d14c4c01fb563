package io.newshound.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.events.EventTopic;
import io.newshound.events.FeedState;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.events.Topics;
import io.newshound.ingest.extract.ArticleExtractor;
import io.newshound.ingest.feed.AddressPolicy;
import io.newshound.ingest.feed.FeedParser;
import io.newshound.ingest.feed.HostLimiter;
import io.newshound.ingest.feed.HttpFetcher;
import io.newshound.ops.Health;
import io.newshound.ops.HealthCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: polls its share of the feeds on the feeds topic and publishes new articles,
 * with each feed's state, exactly once.
 */
public final class IngestApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestApp.class);

    private final IngestConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry registry;
    private final Clock clock;
    private final IngestMetrics metrics = new IngestMetrics();
    private IngestCoordinator coordinator;
    private HttpFetcher fetcher;

    public IngestApp(IngestConfig config, KafkaSettings kafka, MeterRegistry registry) {
        this(config, kafka, registry, Clock.systemUTC());
    }

    IngestApp(IngestConfig config, KafkaSettings kafka, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
        this.clock = clock;
    }

    /** The topics ingest reads and writes. */
    public static List<EventTopic<?, ?>> topics(KafkaSettings kafka) {
        Topics topics = kafka.topics();
        return List.of(topics.feeds(), topics.feedState(), topics.articles(), topics.deadLetters());
    }

    /** Creates missing topics, adds the configured feeds and starts polling. */
    public synchronized void start() {
        if (coordinator != null) {
            throw new IllegalStateException("ingest is already started");
        }
        Topics topics = kafka.topics();
        TopicAdmin.ensureTopics(kafka, topics(kafka));
        TopicAdmin.requireSamePartitions(kafka, topics.feeds(), topics.feedState());
        metrics.bindTo(registry);
        fetcher = fetcher(config);
        coordinator =
                new IngestCoordinator(
                        config,
                        kafka,
                        poller(config, fetcher, clock),
                        metrics,
                        clock,
                        instanceId(config));
        coordinator.start();
        log.info("ingest started as instance {}", instanceId(config));
    }

    /** The HTTP fetcher ingest uses, as configured. */
    static HttpFetcher fetcher(IngestConfig config) {
        return new HttpFetcher(
                new HttpFetcher.Settings(
                        config.userAgent(),
                        config.connectTimeout(),
                        config.responseTimeout(),
                        config.totalTimeout(),
                        config.maxBodyBytes(),
                        Math.max(32, config.workers() * 2)),
                new AddressPolicy(config.allowPrivateAddresses()),
                new HostLimiter(config.perHostConnections(), config.perHostDelay()));
    }

    /** The poller ingest uses, fetching through {@code fetcher}. */
    static FeedPoller poller(IngestConfig config, HttpFetcher fetcher, Clock clock) {
        return new FeedPoller(
                fetcher,
                new FeedParser(),
                new ArticleExtractor(),
                new PollSchedule(config.minInterval(), config.maxBackoff(), new Random()),
                clock,
                config);
    }

    static String instanceId(IngestConfig config) {
        if (config.instanceId() != null && !config.instanceId().isBlank()) {
            return config.instanceId();
        }
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ingest-1";
        }
    }

    /** The state of each feed this instance owns, by feed label. */
    public Map<String, FeedState> feedStates() {
        return coordinator == null ? Map.of() : coordinator.feedStates();
    }

    /** Up while polling; says how many feeds it owns and how many fail. */
    /** Alive while the poller runs; a poller stopped by a fatal error needs a restart. */
    public HealthCheck liveness() {
        return () -> {
            IngestCoordinator c = coordinator;
            if (c == null) {
                return Health.down("not started");
            }
            return c.isRunning() ? Health.up("polling") : health().check();
        };
    }

    public HealthCheck health() {
        return () -> {
            IngestCoordinator c = coordinator;
            if (c == null) {
                return Health.down("not started");
            }
            if (!c.isRunning()) {
                Exception failure = c.failure();
                return Health.down(
                        "stopped" + (failure == null ? "" : ": " + failure.getMessage()));
            }
            long failing =
                    c.feedStates().values().stream()
                            .filter(s -> s.consecutiveErrors() > 0 && !s.retired())
                            .count();
            Instant last = c.lastPublish();
            return Health.up(
                    "polling "
                            + c.ownedFeeds()
                            + " feeds, "
                            + failing
                            + " failing"
                            + (last == null
                                    ? ""
                                    : ", last published "
                                            + Duration.between(last, clock.instant()).toSeconds()
                                            + " s ago"));
        };
    }

    @Override
    public synchronized void close() {
        if (coordinator != null) {
            coordinator.close();
        }
        if (fetcher != null) {
            fetcher.close();
        }
    }
}
