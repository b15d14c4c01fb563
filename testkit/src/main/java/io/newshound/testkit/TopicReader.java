package io.newshound.testkit;

import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads a topic from its beginning, as a test's observer: its own consumer group, read-committed,
 * so that records of aborted transactions are never seen.
 */
public final class TopicReader<K, V> implements AutoCloseable {
    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();

    public TopicReader(KafkaSettings kafka, EventTopic<K, V> topic) {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer =
                new KafkaConsumer<>(
                        props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
    }

    /** Polls for {@code duration} and returns every record read so far, oldest first. */
    public List<ConsumerRecord<K, V>> pollFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        do {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        } while (System.nanoTime() < deadline);
        return List.copyOf(seen);
    }

    /** Polls briefly and returns every record read so far; for use inside Awaitility. */
    public List<ConsumerRecord<K, V>> records() {
        return pollFor(Duration.ofMillis(200));
    }

    /** The values read so far. */
    public List<V> values() {
        return records().stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
