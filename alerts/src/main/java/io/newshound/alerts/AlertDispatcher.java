package io.newshound.alerts;

import io.newshound.alerts.delivery.AlertChannel;
import io.newshound.alerts.delivery.DeliveryException;
import io.newshound.events.Alert;
import io.newshound.events.DeadLetters;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic and delivers each alert to every channel, committing its position only
 * after delivery: an alert is delivered at least once, and a restart resumes after the last
 * delivered one. A record that cannot be read goes to the dead-letter topic.
 */
final class AlertDispatcher implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final EventTopic<String, Alert> alerts;
    private final String deadLetterTopic;
    private final List<AlertChannel> channels;
    private final AlertsMetrics metrics;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean assigned;

    AlertDispatcher(
            KafkaSettings kafka, List<AlertChannel> channels, AlertsMetrics metrics, Clock clock) {
        this.alerts = kafka.topics().alerts();
        this.deadLetterTopic = kafka.topics().deadLetters().name();
        this.channels = List.copyOf(channels);
        this.metrics = metrics;
        this.clock = clock;
        Properties consumerProps = kafka.clientProperties();
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topicPrefix() + "alerts-dispatch");
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "alerts-dispatch");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        this.consumer =
                new KafkaConsumer<>(
                        consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties producerProps = kafka.clientProperties();
        producerProps.put(
                ProducerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "alerts-deadletters");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.deadLetters =
                new KafkaProducer<>(
                        producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(this, "newshound-alerts-dispatch");
        this.thread.setDaemon(true);
    }

    private volatile boolean started;

    void start() {
        started = true;
        thread.start();
    }

    boolean hasAssignment() {
        return assigned;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(alerts.name()));
            while (running) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                assigned = !consumer.assignment().isEmpty();
                if (batch.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    dispatch(record);
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("alert dispatch stopped: {}", DeadLetters.reason(e), e);
        } finally {
            assigned = false;
            consumer.close();
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        Alert alert;
        try {
            alert = alerts.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            deadLetter(record, DeadLetters.reason(e));
            return;
        }
        if (alert == null) {
            return;
        }
        for (AlertChannel channel : channels) {
            try {
                channel.deliver(alert);
                metrics.delivered(channel.name(), "delivered");
                metrics.latency(
                        channel.name(),
                        Duration.between(alert.claim().published(), clock.instant()));
            } catch (DeliveryException | RuntimeException e) {
                metrics.delivered(channel.name(), "failed");
                log.warn("alert {} to {}: {}", alert.id(), channel.name(), DeadLetters.reason(e));
            }
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
        log.warn(
                "{}-{} offset {}: {}; sent to {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason,
                deadLetterTopic);
        metrics.deadLetter(record.topic());
        try {
            deadLetters
                    .send(
                            DeadLetters.letter(
                                    deadLetterTopic,
                                    "alerts",
                                    record.topic(),
                                    record.partition(),
                                    record.offset(),
                                    record.key(),
                                    record.value(),
                                    reason))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Not committing past a record we could not park would block every later alert;
            // the log line above keeps its coordinates.
            log.error(
                    "cannot write dead letter for {}-{} offset {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    DeadLetters.reason(e));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (!started) {
            consumer.close();
            deadLetters.close(Duration.ofSeconds(10));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(10));
    }
}
