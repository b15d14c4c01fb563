package io.newshound.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.events.Topics;
import io.newshound.events.streams.DeadLetterHandler;
import io.newshound.ops.Health;
import io.newshound.ops.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich service: runs {@link EnrichTopology} with exactly-once processing. */
public final class EnrichApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EnrichApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final EnrichConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry registry;
    private final EnrichMetrics metrics = new EnrichMetrics();
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    public EnrichApp(EnrichConfig config, KafkaSettings kafka, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Creates missing topics and starts processing. */
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("enrich is already started");
        }
        Topics topics = kafka.topics();
        TopicAdmin.ensureTopics(
                kafka,
                List.of(
                        topics.articles(),
                        topics.enriched(),
                        topics.claims(),
                        topics.deadLetters()));
        metrics.bindTo(registry);
        streams =
                new KafkaStreams(
                        EnrichTopology.build(config, topics, metrics),
                        streamsProperties(config, kafka, registry));
        streams.setUncaughtExceptionHandler(
                error -> {
                    log.error(
                            "enrich stream thread failed: {}; replacing it",
                            error.toString(),
                            error);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                            .REPLACE_THREAD;
                });
        streams.setStateListener(
                (now, before) -> log.debug("enrich streams {} -> {}", before, now));
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.start();
        log.info("enrich started ({} topics)", config.topics().size());
    }

    /** The Streams configuration of enrich: exactly-once, dead letters, metrics. */
    static Properties streamsProperties(
            EnrichConfig config, KafkaSettings kafka, MeterRegistry registry) {
        Properties props = kafka.clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(kafka));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        if (config.stateDir() != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        }
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetterHandler.TOPIC_CONFIG, kafka.topics().deadLetters().name());
        props.put(DeadLetterHandler.SERVICE_CONFIG, "enrich");
        props.put(DeadLetterHandler.REGISTRY_CONFIG, registry);
        return props;
    }

    /** The Streams application id: one per deployment, derived from its topic prefix. */
    static String applicationId(KafkaSettings kafka) {
        return kafka.topicPrefix() + "enrich";
    }

    /** Up while the streams run or rebalance. */
    public HealthCheck health() {
        return () -> {
            KafkaStreams s = streams;
            if (s == null) {
                return Health.down("not started");
            }
            KafkaStreams.State state = s.state();
            return state.isRunningOrRebalancing()
                    ? Health.up("streams " + state)
                    : Health.down("streams " + state);
        };
    }

    /** The state of the streams, for tests and tools. */
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            // Leaving the group lets a restarted or remaining instance take the partitions at once
            // instead of after the session timeout.
            streams.close(
                    CloseOptions.timeout(CLOSE_TIMEOUT)
                            .withGroupMembershipOperation(
                                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            streamsMetrics.close();
        }
    }
}
