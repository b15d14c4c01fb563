package io.newshound.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @TempDir Path dataDir;

    @Test
    void shouldKeepRecordsAcrossARestartOnTheSameDataDirectory() throws Exception {
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.start(BrokerSettings.defaults().withDataDir(dataDir))) {
            createTopic(broker, "kept");
            produce(broker, "kept", "k1", "first");
        }

        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.start(BrokerSettings.defaults().withDataDir(dataDir))) {
            produce(broker, "kept", "k2", "second");

            assertThat(consumeAll(broker, "kept", 2))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("first", "second");
        }
    }

    @Test
    void shouldDeleteATemporaryDataDirectoryOnClose() {
        Path dir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults())) {
            dir = broker.dataDir();
            assertThat(broker.isTemporary()).isTrue();
            assertThat(dir).isDirectory();
        }

        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void shouldRefuseToCreateTopicsByAccident() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults());
                Admin admin = Admin.create(clientProps(broker))) {
            produceIgnoringErrors(broker, "never-created");

            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(names).doesNotContain("never-created");
        }
    }

    @Test
    void shouldSayWhyItCannotStartWhenThePortIsTaken() {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(BrokerSettings.defaults())) {
            BrokerSettings samePort = BrokerSettings.defaults().withPort(first.port());

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(samePort))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "cannot start the embedded Kafka broker on 127.0.0.1:" + first.port());
        }
    }

    private static Properties clientProps(EmbeddedKafkaBroker broker) {
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        return props;
    }

    private static void createTopic(EmbeddedKafkaBroker broker, String name) throws Exception {
        try (Admin admin = Admin.create(clientProps(broker))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, String key, String value)
            throws Exception {
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        clientProps(broker), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static void produceIgnoringErrors(EmbeddedKafkaBroker broker, String topic) {
        Properties props = clientProps(broker);
        props.put("max.block.ms", "2000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(5, TimeUnit.SECONDS);
        } catch (Exception expected) {
            // The broker refuses the unknown topic; what matters is that it does not create it.
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(
            EmbeddedKafkaBroker broker, String topic, int expected) {
        Properties props = clientProps(broker);
        props.putAll(Map.of("group.id", "test-" + topic, "auto.offset.reset", "earliest"));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
