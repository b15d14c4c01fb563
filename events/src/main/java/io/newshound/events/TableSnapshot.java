package io.newshound.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The current contents of a compacted topic: every key's latest value, read from the beginning to
 * the end as of the call (committed records only). For tools and for loading state.
 */
public final class TableSnapshot {
    private TableSnapshot() {}

    /**
     * Reads {@code topic} whole. A record that cannot be read is passed to {@code unreadable} with
     * the reason, and skipped.
     */
    public static <V> Map<String, V> read(
            KafkaSettings kafka,
            EventTopic<String, V> topic,
            BiConsumer<ConsumerRecord<String, byte[]>, String> unreadable) {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "snapshot");
        Map<String, V> table = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info :
                    consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic.name(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        table.remove(record.key());
                        continue;
                    }
                    try {
                        table.put(
                                record.key(),
                                topic.valueSerde()
                                        .deserializer()
                                        .deserialize(topic.name(), record.value()));
                    } catch (SerializationException e) {
                        unreadable.accept(record, DeadLetters.reason(e));
                    }
                }
            }
        }
        return table;
    }
}
