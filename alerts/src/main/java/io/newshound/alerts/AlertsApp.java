package io.newshound.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newshound.alerts.delivery.AlertChannel;
import io.newshound.alerts.delivery.AlertFormatter;
import io.newshound.alerts.delivery.ConsoleChannel;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.events.Topics;
import io.newshound.events.streams.DeadLetterHandler;
import io.newshound.ops.Health;
import io.newshound.ops.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: routes new claims to the alerts topic ({@link AlertRouter}, exactly once) and
 * delivers every alert to the channels.
 */
public final class AlertsApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertsApp.class);

    private final AlertsConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry registry;
    private final Consumer<String> console;
    private final AlertsMetrics metrics = new AlertsMetrics();
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private AlertDispatcher dispatcher;

    /**
     * @param console where the console channel writes its lines
     */
    public AlertsApp(
            AlertsConfig config,
            KafkaSettings kafka,
            MeterRegistry registry,
            Consumer<String> console) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
        this.console = console;
    }

    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("alerts is already started");
        }
        Topics topics = kafka.topics();
        TopicAdmin.ensureTopics(
                kafka, List.of(topics.claims(), topics.alerts(), topics.deadLetters()));
        metrics.bindTo(registry);
        streams =
                new KafkaStreams(
                        AlertRouter.build(config, topics, metrics, Clock.systemUTC()),
                        streamsProperties(config, kafka, registry));
        streams.setUncaughtExceptionHandler(
                error -> {
                    log.error(
                            "alerts stream thread failed: {}; replacing it",
                            error.toString(),
                            error);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                            .REPLACE_THREAD;
                });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.start();

        List<AlertChannel> channels = new ArrayList<>();
        if (config.console()) {
            channels.add(new ConsoleChannel(new AlertFormatter(ZoneId.systemDefault()), console));
        }
        dispatcher = new AlertDispatcher(kafka, channels, metrics, Clock.systemUTC());
        dispatcher.start();
        log.info("alerts started ({} channels)", channels.size());
    }

    static Properties streamsProperties(
            AlertsConfig config, KafkaSettings kafka, MeterRegistry registry) {
        Properties props = kafka.clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.topicPrefix() + "alerts");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
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
        props.put(DeadLetterHandler.SERVICE_CONFIG, "alerts");
        props.put(DeadLetterHandler.REGISTRY_CONFIG, registry);
        return props;
    }

    /** Up while routing runs and the dispatcher reads its topic. */
    public HealthCheck health() {
        return () -> {
            if (streams == null) {
                return Health.down("not started");
            }
            KafkaStreams.State state = streams.state();
            if (!state.isRunningOrRebalancing()) {
                return Health.down("routing streams " + state);
            }
            return Health.up(
                    "routing streams "
                            + state
                            + (dispatcher.hasAssignment()
                                    ? ", dispatching"
                                    : ", dispatcher waiting for partitions"));
        };
    }

    @Override
    public synchronized void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (streams != null) {
            // Leaving the group lets a restarted or remaining instance take the partitions at once
            // instead of after the session timeout.
            streams.close(
                    CloseOptions.timeout(Duration.ofSeconds(30))
                            .withGroupMembershipOperation(
                                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            streamsMetrics.close();
        }
    }
}
