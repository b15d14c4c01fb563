package io.newshound.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newshound.events.Claim;
import io.newshound.events.Delivery;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.testkit.Claims;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TestHttpServer;
import io.newshound.testkit.TopicReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts service as it runs in production, a process of its own from the packaged jar, killed
 * with SIGKILL in the middle of its deliveries and started again: every alert arrives, and no alert
 * whose delivery was recorded is ever sent again.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertsKillIT {
    static final int CLAIMS = 40;

    @TempDir Path dir;

    @Test
    void shouldNeverResendARecordedDeliveryAfterBeingKilledMidDelivery(KafkaSettings kafka)
            throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (TestHttpServer receiver = TestHttpServer.start();
                TopicReader<String, Delivery> deliveries =
                        new TopicReader<>(kafka, kafka.topics().deliveries())) {
            // A slow receiver: a kill lands while an alert is on the wire.
            receiver.handle(
                    "/desk",
                    exchange -> {
                        exchange.getRequestBody().readAllBytes();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                        exchange.sendResponseHeaders(200, -1);
                        exchange.close();
                    });
            Path config = config(kafka, receiver);

            Process first = alertsService(config, "first");
            publish(kafka);
            await().atMost(Duration.ofSeconds(90)).until(() -> received.size() >= CLAIMS / 4);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
            first.waitFor();
            int sentBeforeTheKill = received.size();
            Set<String> recorded = new HashSet<>();
            for (var record : deliveries.pollFor(Duration.ofSeconds(3))) {
                recorded.add(record.key());
            }

            Process second = alertsService(config, "second");
            try {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> new HashSet<>(received).size() == CLAIMS);
                Thread.sleep(1_000); // anything sent twice would arrive by now
            } finally {
                second.destroy();
                second.waitFor();
            }

            List<String> sentAfter = received.subList(sentBeforeTheKill, received.size());
            assertThat(sentBeforeTheKill).isLessThan(CLAIMS);
            assertThat(recorded).isNotEmpty();
            assertThat(new HashSet<>(received))
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, CLAIMS)
                                    .mapToObj(i -> "new:k" + i + "#0@desk")
                                    .toList());
            assertThat(sentAfter)
                    .as("alerts whose delivery was recorded before the kill are not sent again")
                    .doesNotContainAnyElementsOf(recorded);
            assertThat(received.size() - CLAIMS)
                    .as("sent twice: only what was on the wire and not yet recorded")
                    .isLessThanOrEqualTo(2);
        }
    }

    /** {@code java -jar target/newshound.jar alerts -c CONFIG}, the packaged service. */
    Process alertsService(Path config, String name) throws Exception {
        Path jar = Path.of("target", "newshound.jar");
        assertThat(jar).as("the packaged app (mvn verify packages it first)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve(name + ".log").toFile();
        return new ProcessBuilder(
                        java, "-Xmx256m", "-jar", jar.toString(), "alerts", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    Path config(KafkaSettings kafka, TestHttpServer receiver) throws Exception {
        return Files.writeString(
                dir.resolve("newshound.yml"),
                String.join(
                        "\n",
                        "kafka:",
                        "  bootstrap-servers: " + kafka.bootstrapServers(),
                        "  topic-prefix: " + kafka.topicPrefix(),
                        // The killed instance's group membership lapses after this, not 45 s.
                        "  properties: {session.timeout.ms: 6000}",
                        "data-dir: " + dir.resolve("data"),
                        "metrics: {port: 0}",
                        "alerts:",
                        "  console: false",
                        "  channels:",
                        "    - id: desk",
                        "      channel: webhook",
                        "      url: " + receiver.uri("/desk"),
                        ""));
    }

    static void publish(KafkaSettings kafka) throws Exception {
        var claims = kafka.topics().claims();
        // The topic may still be electing its partitions' leaders when the service has just made
        // it. With several batches in flight, a first one refused for that and a second one taken
        // leave a gap in the producer's sequence that its retries never close (the broker answers
        // OutOfOrderSequence until the batch expires, and those claims are never published). So
        // the topic is made here first, and each claim is sent once the one before is taken.
        TopicAdmin.ensureTopics(kafka, List.of(claims));
        try (KafkaProducer<String, Claim> producer =
                new KafkaProducer<>(
                        kafka.clientProperties(),
                        new StringSerializer(),
                        claims.valueSerde().serializer())) {
            for (int i = 0; i < CLAIMS; i++) {
                Claim c =
                        Claims.claim(
                                "k" + i + "#0",
                                true,
                                List.of("witkoff"),
                                "Envoys meet for round " + i + " of the talks");
                producer.send(new ProducerRecord<>(claims.name(), c.fingerprint(), c)).get();
            }
        }
    }
}
