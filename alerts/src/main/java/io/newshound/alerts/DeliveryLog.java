package io.newshound.alerts;

import io.newshound.events.Delivery;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of every alert, on a compacted topic: read back whole at start, so an alert delivered
 * (or dead-lettered) before a crash or restart is never sent again, even when the crash came before
 * the consumer's position was committed.
 */
final class DeliveryLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

    private final KafkaSettings kafka;
    private final EventTopic<String, Delivery> topic;
    private final KafkaProducer<String, Delivery> producer;
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Map<String, String> receipts = new ConcurrentHashMap<>();

    DeliveryLog(KafkaSettings kafka) {
        this.kafka = kafka;
        this.topic = kafka.topics().deliveries();
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "alerts-deliveries");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer =
                new KafkaProducer<>(props, new StringSerializer(), topic.valueSerde().serializer());
    }

    /** Reads every outcome recorded so far; returns how many alerts are finished. */
    int load() {
        Properties props = kafka.clientProperties();
        try (KafkaConsumer<String, Delivery> consumer =
                new KafkaConsumer<>(
                        props, new StringDeserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, Delivery> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null) {
                        finished.add(record.key());
                        if (record.value() != null && record.value().receipt() != null) {
                            receipts.put(record.key(), record.value().receipt());
                        }
                    }
                }
            }
        }
        return finished.size();
    }

    /** Whether {@code alertId} was delivered or dead-lettered already. */
    boolean isFinished(String alertId) {
        return finished.contains(alertId);
    }

    /** What the receiver of {@code alertId} answered for later alerts (a Slack thread), or null. */
    String receiptOf(String alertId) {
        return alertId == null ? null : receipts.get(alertId);
    }

    /**
     * Records {@code delivery}, then runs {@code then} once the broker has it (or has failed to
     * take it: the failure is logged, and at worst the alert goes again after a restart, with the
     * same idempotency key).
     */
    void record(Delivery delivery, Runnable then) {
        finished.add(delivery.alertId());
        if (delivery.receipt() != null) {
            receipts.put(delivery.alertId(), delivery.receipt());
        }
        producer.send(
                new ProducerRecord<>(topic.name(), delivery.alertId(), delivery),
                (metadata, error) -> {
                    if (error != null) {
                        log.error(
                                "cannot record the delivery of alert {} on {}: {}",
                                delivery.alertId(),
                                topic.name(),
                                error.toString());
                    }
                    then.run();
                });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
