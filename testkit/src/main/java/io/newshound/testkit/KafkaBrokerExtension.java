package io.newshound.testkit;

import io.newshound.broker.BrokerSettings;
import io.newshound.broker.EmbeddedKafkaBroker;
import io.newshound.events.KafkaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Hands a test a real Kafka broker as {@link KafkaSettings}, each with topic names no other test
 * uses.
 *
 * <p>The broker is, in order of preference: the cluster at {@code KAFKA_BOOTSTRAP_SERVERS}; a
 * Testcontainers {@code apache/kafka} container when Docker is available; the embedded KRaft broker
 * otherwise. One broker serves the whole test JVM and stops when the tests end.
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class PipelineIT {
 *     @Test
 *     void shouldTagArticles(KafkaSettings kafka) { ... }
 * }
 * }</pre>
 */
public final class KafkaBrokerExtension implements ParameterResolver {
    /** The image of the container used where Docker runs: the same broker version as ours. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.3.1";

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final AtomicInteger TESTS = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaSettings.class;
    }

    @Override
    public KafkaSettings resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Broker broker =
                context.getRoot()
                        .getStore(NAMESPACE)
                        .getOrComputeIfAbsent("broker", key -> startBroker(), Broker.class);
        return KafkaSettings.at(broker.bootstrapServers()).withTopicPrefix(uniquePrefix(context));
    }

    /** A prefix no other test of this run uses, readable in broker listings. */
    static String uniquePrefix(ExtensionContext context) {
        String method = context.getTestMethod().map(m -> m.getName()).orElse("test");
        String readable = method.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        if (readable.length() > 40) {
            readable = readable.substring(0, 40);
        }
        return "t"
                + TESTS.incrementAndGet()
                + "-"
                + readable
                + "-"
                + Long.toString(System.nanoTime() % 1_000_000, 36)
                + ".";
    }

    private static Broker startBroker() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            log.info("tests use the Kafka cluster at {} (KAFKA_BOOTSTRAP_SERVERS)", external);
            return new Broker(external, () -> {});
        }
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            log.info("tests use a Testcontainers broker at {}", container.getBootstrapServers());
            return new Broker(container.getBootstrapServers(), container::stop);
        }
        EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.start(BrokerSettings.defaults());
        log.info(
                "tests use the embedded broker at {} (no Docker here)",
                embedded.bootstrapServers());
        return new Broker(embedded.bootstrapServers(), embedded::close);
    }

    private static boolean dockerAvailable() {
        // Asking Testcontainers costs seconds and a page of errors when no engine was ever
        // configured, so only ask when there is a socket or a DOCKER_HOST to try.
        boolean configured =
                System.getenv("DOCKER_HOST") != null
                        || Files.exists(Path.of("/var/run/docker.sock"))
                        || Files.exists(
                                Path.of(
                                        System.getProperty("user.home"),
                                        ".docker",
                                        "run",
                                        "docker.sock"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            log.info(
                    "Docker is not usable ({}); falling back to the embedded broker",
                    e.getMessage());
            return false;
        }
    }

    /** The JVM's broker; JUnit closes it with the root context, when every test has run. */
    private record Broker(String bootstrapServers, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }
}
