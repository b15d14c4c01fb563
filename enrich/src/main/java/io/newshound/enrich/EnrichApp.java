package io.newshound.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.enrich.dedup.StoryStoreConfig;
import io.newshound.enrich.topics.LiveTopics;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.events.Topics;
import io.newshound.events.streams.ManagedStreams;
import io.newshound.ops.Health;
import io.newshound.ops.HealthCheck;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich service: runs {@link EnrichTopology} with exactly-once processing. */
public final class EnrichApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EnrichApp.class);
    static final String SERVICE = "enrich";

    private final EnrichConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry registry;
    private final EnrichMetrics metrics = new EnrichMetrics();
    private ManagedStreams streams;
    private LiveTopics rules;

    public EnrichApp(EnrichConfig config, KafkaSettings kafka, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** The topics enrich reads and writes. */
    public static List<EventTopic<?, ?>> topics(KafkaSettings kafka) {
        Topics topics = kafka.topics();
        return List.of(topics.articles(), topics.enriched(), topics.claims(), topics.deadLetters());
    }

    /** Creates missing topics and starts processing. */
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("enrich is already started");
        }
        Topics topics = kafka.topics();
        TopicAdmin.ensureTopics(kafka, topics(kafka));
        metrics.bindTo(registry);
        rules = config.liveTopics();
        metrics.rules(rules);
        streams =
                ManagedStreams.start(
                        SERVICE,
                        EnrichTopology.build(config, topics, metrics, rules, kafka.partitions()),
                        streamsProperties(config, kafka, registry),
                        registry);
        metrics.stores(EnrichTopology.STORES, streams);
        log.info(
                "enrich started ({} topics: {})",
                rules.current().topics().size(),
                String.join(", ", rules.current().topics()));
    }

    /** The Streams configuration of enrich. */
    static Properties streamsProperties(
            EnrichConfig config, KafkaSettings kafka, MeterRegistry registry) {
        Properties props =
                ManagedStreams.properties(
                        SERVICE, kafka, config.stateDir(), config.threads(), registry);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoryStoreConfig.class);
        // The story decision reads two topics, the slots' answers and the articles waiting for
        // them, and takes them in time order (Kafka Streams' default, max.task.idle.ms 0: a task
        // with one input drained waits for its fetch while the broker has more of it). Set to -1,
        // the small answers ran ahead of their 5 KB articles whenever enrich fell behind: in two
        // end-to-end runs at 200 articles/s the waiting articles lagged 45,000 behind while the
        // answers had none, each answer parked in the votes store (100,000+ entries) until its
        // article came, and enrich fell further behind for good. In time order it caught up.
        props.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
        return props;
    }

    /** Up while the streams run or rebalance. */
    public HealthCheck health() {
        return () -> streams == null ? Health.down("not started") : streams.health().check();
    }

    /** Alive unless the streams have failed for good. */
    public HealthCheck liveness() {
        return () -> streams == null ? Health.down("not started") : streams.liveness().check();
    }

    /** The state of the streams, for tests and tools. */
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close();
        }
        if (rules != null) {
            rules.close();
        }
    }
}
