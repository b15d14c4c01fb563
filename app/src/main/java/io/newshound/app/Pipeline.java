package io.newshound.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newshound.alerts.AlertsApp;
import io.newshound.app.config.NewshoundConfig;
import io.newshound.broker.BrokerSettings;
import io.newshound.broker.EmbeddedKafkaBroker;
import io.newshound.enrich.EnrichApp;
import io.newshound.enrich.EnrichConfig;
import io.newshound.events.KafkaSettings;
import io.newshound.ingest.IngestApp;
import io.newshound.ops.AdminServer;
import io.newshound.ops.BrokerCheck;
import io.newshound.ops.Meters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Newshound's services running in this process: the embedded broker when no cluster is configured,
 * the metrics and health endpoint, and any of ingest, enrich and alerts.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    /** A Newshound service. */
    public enum Service {
        INGEST,
        ENRICH,
        ALERTS
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedKafkaBroker broker;
    private KafkaSettings kafka;
    private PrometheusMeterRegistry registry;
    private AdminServer admin;

    private Pipeline() {}

    /**
     * Starts {@code services} as {@code config} says; alert lines go to {@code console}.
     *
     * @throws IllegalStateException when something cannot start; what had started is stopped
     */
    public static Pipeline start(
            NewshoundConfig config, Set<Service> services, Consumer<String> console) {
        Pipeline pipeline = new Pipeline();
        try {
            pipeline.startAll(config, EnumSet.copyOf(services), console);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll(NewshoundConfig config, Set<Service> services, Consumer<String> console) {
        kafka = config.kafka();
        if (config.needsEmbeddedBroker()) {
            BrokerSettings settings = config.broker();
            if (settings.dataDir() == null) {
                settings = settings.withDataDir(config.dataDir().resolve("kafka"));
            }
            broker = EmbeddedKafkaBroker.start(settings);
            started.push(broker);
            kafka = kafka.withBootstrapServers(broker.bootstrapServers());
        }
        String application = services.size() == 3 ? "newshound" : "newshound-" + name(services);
        registry = Meters.prometheus(application, instanceName());
        started.push(registry::close);
        admin = AdminServer.start(registry, config.metrics().host(), config.metrics().port());
        started.push(admin);
        BrokerCheck brokerCheck =
                new BrokerCheck(
                        kafka, Duration.ofSeconds(3), Duration.ofSeconds(5), Clock.systemUTC());
        started.push(brokerCheck);
        admin.register("kafka", brokerCheck);
        Path state = config.dataDir().resolve("streams");
        // Consumers first, so that nothing published is waiting for a reader.
        if (services.contains(Service.ALERTS)) {
            AlertsApp alerts =
                    new AlertsApp(
                            config.alerts().stateDir() == null
                                    ? config.alerts().withStateDir(state)
                                    : config.alerts(),
                            kafka,
                            registry,
                            console);
            started.push(alerts);
            alerts.start();
            admin.register("alerts", alerts.health(), alerts.liveness());
            alerts.api().ifPresent(api -> admin.route("/api/", api));
        }
        if (services.contains(Service.ENRICH)) {
            EnrichConfig enrichConfig =
                    config.enrich().stateDir() == null
                            ? config.enrich().withStateDir(state)
                            : config.enrich();
            EnrichApp enrich = new EnrichApp(enrichConfig, kafka, registry);
            started.push(enrich);
            enrich.start();
            admin.register("enrich", enrich.health(), enrich.liveness());
        }
        if (services.contains(Service.INGEST)) {
            IngestApp ingest = new IngestApp(config.ingest(), kafka, registry);
            started.push(ingest);
            ingest.start();
            admin.register("ingest", ingest.health(), ingest.liveness());
        }
        log.info("started {} with Kafka at {}", services, kafka.bootstrapServers());
    }

    private static String name(Set<Service> services) {
        return services.stream()
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + "-" + b)
                .orElse("none");
    }

    private static String instanceName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "local" : host;
    }

    /** The Kafka cluster the services use. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The embedded broker, or null when an external cluster is used. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /** The metrics and health endpoint's base URL. */
    public String adminUrl() {
        return admin.url();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Stops everything, newest first. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
    }
}
