package io.newshound.events.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newshound.events.KafkaSettings;
import io.newshound.ops.Health;
import io.newshound.ops.HealthCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's Kafka Streams app, run the Newshound way: exactly once, unreadable and failing
 * records to the dead-letter topic, a failed thread replaced, its meters bound, and on close the
 * group left so that another instance takes over at once.
 */
public final class ManagedStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ManagedStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final String STATE_METRICS = "stream-state-metrics";

    /**
     * How often a stream thread commits, unless {@code kafka.properties} says otherwise. Under
     * exactly-once a record is readable downstream only once its transaction commits, and an
     * article crosses five of them on its way to an alert, so Kafka Streams' 100 ms default would
     * add about half a second to every alert.
     */
    static final int COMMIT_INTERVAL_MS = Integer.getInteger("newshound.commit-interval-ms", 25);

    /** How often stream threads commit unless {@code kafka.properties} says otherwise (ms). */
    public static int commitInterval() {
        return COMMIT_INTERVAL_MS;
    }

    /** How long store metrics are reused before they are read again. */
    static final Duration STORE_METRICS_AGE = Duration.ofSeconds(10);

    private final String service;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;

    /** The store metrics asked for so far, and their last sums by store and metric. */
    private final Set<String> storeMetricNames = ConcurrentHashMap.newKeySet();

    private final AtomicReference<Map<String, Double>> storeMetrics = new AtomicReference<>();
    private volatile long storeMetricsReadAt;

    private ManagedStreams(String service, KafkaStreams streams, KafkaStreamsMetrics metrics) {
        this.service = service;
        this.streams = streams;
        this.metrics = metrics;
    }

    /**
     * The Streams configuration of {@code service}: application id from the topic prefix,
     * exactly-once v2, dead letters counted in {@code registry}.
     */
    public static Properties properties(
            String service,
            KafkaSettings kafka,
            Path stateDir,
            int threads,
            MeterRegistry registry) {
        Properties props = kafka.clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.topicPrefix() + service);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetterHandler.TOPIC_CONFIG, kafka.topics().deadLetters().name());
        props.put(DeadLetterHandler.SERVICE_CONFIG, service);
        props.put(DeadLetterHandler.REGISTRY_CONFIG, registry);
        return props;
    }

    /** Starts {@code topology} for {@code service}. */
    public static ManagedStreams start(
            String service, Topology topology, Properties properties, MeterRegistry registry) {
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.setUncaughtExceptionHandler(
                error -> {
                    log.error(
                            "{} stream thread failed: {}; replacing it",
                            service,
                            error.toString(),
                            error);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                            .REPLACE_THREAD;
                });
        streams.setStateListener(
                (now, before) -> log.debug("{} streams {} -> {}", service, before, now));
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        streams.start();
        return new ManagedStreams(service, streams, metrics);
    }

    /**
     * The sum over this instance's tasks of a state-store metric, such as RocksDB's {@code
     * estimate-num-keys} or {@code total-sst-files-size}, for the store named {@code store}; 0
     * while the store is not open here. Values are at most {@link #STORE_METRICS_AGE} old: all are
     * read in one pass over the client's metrics, which a scrape would otherwise make once per
     * gauge (a fifth of enrich's CPU when scraped every few seconds).
     */
    public double storeMetric(String store, String metric) {
        Map<String, Double> values = storeMetricsSnapshot();
        if (values != null && storeMetricNames.contains(metric)) {
            return values.getOrDefault(store + '\n' + metric, 0.0);
        }
        storeMetricNames.add(metric);
        return refreshStoreMetrics().getOrDefault(store + '\n' + metric, 0.0);
    }

    private Map<String, Double> storeMetricsSnapshot() {
        if (System.nanoTime() - storeMetricsReadAt > STORE_METRICS_AGE.toNanos()) {
            return null;
        }
        return storeMetrics.get();
    }

    private synchronized Map<String, Double> refreshStoreMetrics() {
        Map<String, Double> sums = new HashMap<>();
        for (Metric m : streams.metrics().values()) {
            MetricName name = m.metricName();
            if (!name.group().equals(STATE_METRICS) || !storeMetricNames.contains(name.name())) {
                continue;
            }
            String store = storeOf(name);
            if (store != null && m.metricValue() instanceof Number value) {
                sums.merge(store + '\n' + name.name(), value.doubleValue(), Double::sum);
            }
        }
        storeMetrics.set(sums);
        storeMetricsReadAt = System.nanoTime();
        return sums;
    }

    /** The store a state metric is about: the value of its {@code ...-state-id} tag. */
    private static String storeOf(MetricName name) {
        for (Map.Entry<String, String> tag : name.tags().entrySet()) {
            if (tag.getKey().endsWith("-state-id")) {
                return tag.getValue();
            }
        }
        return null;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Ready while the streams run: not while they rebalance, start, or have failed. */
    public HealthCheck health() {
        return () -> {
            KafkaStreams.State state = streams.state();
            return state == KafkaStreams.State.RUNNING
                    ? Health.up(service + " streams " + state)
                    : Health.down(service + " streams " + state);
        };
    }

    /** Alive unless the streams have failed or stopped for good: a restart is what helps then. */
    public HealthCheck liveness() {
        return () -> {
            KafkaStreams.State state = streams.state();
            return switch (state) {
                case ERROR, PENDING_ERROR, NOT_RUNNING, PENDING_SHUTDOWN ->
                        Health.down(service + " streams " + state);
                default -> Health.up(service + " streams " + state);
            };
        };
    }

    @Override
    public void close() {
        // Leaving the group lets a restarted or remaining instance take the partitions at once
        // instead of after the session timeout.
        streams.close(
                CloseOptions.timeout(CLOSE_TIMEOUT)
                        .withGroupMembershipOperation(
                                CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        metrics.close();
    }
}
