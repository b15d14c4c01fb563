package io.newshound.alerts;

import static io.newshound.testkit.Claims.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.DeadLetters;
import io.newshound.events.EventTopic;
import io.newshound.events.JsonSerde;
import io.newshound.events.KafkaSettings;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class AlertsAppIT {
    static final JsonSerde<Alert> ALERTS = JsonSerde.of(Alert.class);

    @TempDir Path stateDir;

    @Test
    void shouldPrintAndPublishNewClaimsAndDeadLetterAnUnreadableAlert(KafkaSettings kafka)
            throws Exception {
        List<String> printed = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AlertsApp alerts =
                        new AlertsApp(
                                AlertsConfig.defaults().withStateDir(stateDir),
                                kafka,
                                registry,
                                printed::add);
                TopicReader<byte[], byte[]> published =
                        new TopicReader<>(
                                kafka,
                                new EventTopic<>(
                                        kafka.topics().alerts().name(),
                                        Serdes.ByteArray(),
                                        Serdes.ByteArray()));
                TopicReader<byte[], byte[]> dead =
                        new TopicReader<>(kafka, kafka.topics().deadLetters())) {
            alerts.start();

            send(
                    kafka,
                    kafka.topics().alerts().name(),
                    "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
            Claim fresh =
                    claim("a#0", true, List.of("witkoff"), "The envoys land in Moscow on Thursday");
            Claim repeat =
                    claim(
                            "b#0",
                            false,
                            List.of("witkoff"),
                            "The envoys land in Moscow on Thursday");
            send(
                    kafka,
                    kafka.topics().claims().name(),
                    kafka.topics().claims().valueSerde().serializer().serialize(null, fresh));
            send(
                    kafka,
                    kafka.topics().claims().name(),
                    kafka.topics().claims().valueSerde().serializer().serialize(null, repeat));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> printed.size() >= 1 && !dead.records().isEmpty());
            // The unreadable record stays on the topic beside the router's one alert.
            List<byte[]> values =
                    published.pollFor(Duration.ofSeconds(2)).stream().map(r -> r.value()).toList();
            assertThat(values).hasSize(2);
            assertThat(values.stream().filter(v -> isAlert(v)).map(v -> ALERTS.read(v).id()))
                    .containsExactly("new:a#0@console");
            assertThat(printed)
                    .singleElement()
                    .asString()
                    .endsWith("The envoys land in Moscow on Thursday");
            assertThat(DeadLetters.header(dead.records().get(0).headers(), DeadLetters.REASON))
                    .startsWith("not a valid Alert: ");
            assertThat(
                            registry.get("newshound.alerts")
                                    .tag("channel", "console")
                                    .tag("outcome", "delivered")
                                    .counter()
                                    .count())
                    .isEqualTo(1.0);
            assertThat(alerts.health().check().up()).isTrue();
        }
    }

    static boolean isAlert(byte[] value) {
        try {
            ALERTS.read(value);
            return true;
        } catch (SerializationException e) {
            return false;
        }
    }

    static void send(KafkaSettings kafka, String topic, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        kafka.clientProperties(),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, null, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
