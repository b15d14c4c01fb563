package io.newshound.alerts;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newshound.events.Alert;
import io.newshound.events.DeadLetters;
import io.newshound.events.Delivery;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic and hands each alert to the lane of its subscription's channel, where it
 * is delivered, retried, or given up on and dead-lettered; every lane has its own thread, so one
 * slow receiver never delays another.
 *
 * <p>An alert is sent at least once, and at most once as far as this service can tell: its outcome
 * is written to the {@link DeliveryLog} before the consumer's position moves past it, and the log
 * is read back at start, so a restart or crash resends only what was in flight, with the same
 * idempotency key. The position of a partition moves to its oldest alert still in flight.
 */
final class AlertDispatcher implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    /** Alerts read but not finished, beyond which reading pauses (memory). */
    static final int MAX_IN_FLIGHT = 10_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final DeliveryLog deliveries;
    private final EventTopic<String, Alert> alerts;
    private final String deadLetterTopic;
    private final Lanes lanes;
    private final AlertsMetrics metrics;
    private final Clock clock;
    private final Thread thread;
    private final KafkaClientMetrics consumerMetrics;
    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile boolean started;

    /** What is in flight on one partition, and the position to commit. */
    private static final class Partition {
        final ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();
        volatile long next = -1; // one past the last offset read
        long committed = -1;

        long position() {
            Long oldest = pending.isEmpty() ? null : pending.first();
            return oldest != null ? oldest : next;
        }
    }

    AlertDispatcher(KafkaSettings kafka, Lanes lanes, AlertsMetrics metrics, Clock clock) {
        this.alerts = kafka.topics().alerts();
        this.deadLetterTopic = kafka.topics().deadLetters().name();
        this.lanes = lanes;
        this.metrics = metrics;
        this.clock = clock;
        Properties consumerProps = kafka.clientProperties();
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topicPrefix() + "alerts-dispatch");
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "alerts-dispatch");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
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
        this.consumerMetrics = metrics.bindClient(consumer);
        this.deliveries = new DeliveryLog(kafka);
        this.thread = new Thread(this, "newshound-alerts-dispatch");
        this.thread.setDaemon(true);
    }

    void start() {
        started = true;
        thread.start();
    }

    /** Whether the consumer has joined its group and been given its partitions (maybe none). */
    boolean hasAssignment() {
        return assigned;
    }

    /** Whether the dispatch thread still runs (or has not been started). */
    boolean isAlive() {
        return !started || thread.isAlive();
    }

    @Override
    public void run() {
        try {
            int finished = deliveries.load();
            log.info("alert dispatch: {} alerts already delivered or dead-lettered", finished);
            consumer.subscribe(List.of(alerts.name()), new Rebalance());
            while (running) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    dispatch(record);
                }
                commitFinished();
                throttle();
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("alert dispatch stopped: woken up while running");
            }
        } catch (RuntimeException e) {
            log.error("alert dispatch stopped: {}", DeadLetters.reason(e), e);
        } finally {
            assigned = false;
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        Partition partition = partitions.computeIfAbsent(tp, p -> new Partition());
        partition.next = record.offset() + 1;
        Alert alert;
        try {
            alert = alerts.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            park(record, DeadLetters.reason(e), () -> {});
            return;
        }
        if (alert == null) {
            return;
        }
        if (deliveries.isFinished(alert.id())) {
            metrics.delivered(String.valueOf(alert.subscription()), "skipped");
            return; // delivered before a restart: never again
        }
        Lanes.Route route = lanes.route(alert.subscription()).orElse(null);
        if (route == null) {
            // A subscription deleted since, or an alert of the first schema version (for all
            // channels): there is no one to deliver it to.
            log.debug("alert {}: no subscription {}; dropped", alert.id(), alert.subscription());
            metrics.delivered(String.valueOf(alert.subscription()), "unsubscribed");
            return;
        }
        long offset = record.offset();
        partition.pending.add(offset);
        inFlight.incrementAndGet();
        Runnable done =
                () -> {
                    partition.pending.remove(offset);
                    inFlight.decrementAndGet();
                };
        Lane lane = route.lane();
        lane.submit(
                route.channel(),
                alert,
                // Looked up when its turn comes: the first alert, ahead in the same lane, may be
                // delivered by then.
                () -> deliveries.receiptOf(alert.firstAlertId()),
                new Lane.Outcome() {
                    @Override
                    public void unthreaded(Alert a) {
                        // A re-report only ever replies under the first alert; without it a
                        // top-level message would be the repeat alert users do not want.
                        metrics.delivered(lane.name(), "unthreaded");
                        done.run();
                    }

                    @Override
                    public void delivered(Alert a, int attempts, String receipt) {
                        metrics.delivered(lane.name(), "delivered");
                        metrics.latency(
                                lane.name(),
                                Duration.between(a.created(), clock.instant()),
                                a.kind() == Alert.Kind.DIGEST
                                        ? null
                                        : Duration.between(a.claim().published(), clock.instant()));
                        deliveries.record(
                                Delivery.of(
                                        a,
                                        Delivery.Outcome.DELIVERED,
                                        lane.name(),
                                        attempts,
                                        clock.instant(),
                                        receipt),
                                done);
                    }

                    @Override
                    public void failed(Alert a, int attempts, String reason) {
                        metrics.delivered(lane.name(), "dead-letter");
                        String why = reason + " (after " + attempts + " attempts)";
                        park(
                                record,
                                why,
                                () ->
                                        deliveries.record(
                                                Delivery.of(
                                                        a,
                                                        Delivery.Outcome.DEAD_LETTER,
                                                        lane.name(),
                                                        attempts,
                                                        clock.instant()),
                                                done));
                    }
                });
    }

    /** Commits, per partition, the position before its oldest alert still in flight. */
    private void commitFinished() {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            Partition p = partitions.get(tp);
            if (p == null) {
                continue;
            }
            long position = p.position();
            if (position > p.committed) {
                commits.put(tp, new OffsetAndMetadata(position));
                p.committed = position;
            }
        }
        if (!commits.isEmpty()) {
            consumer.commitSync(commits);
        }
    }

    /** Stops reading while too many alerts are in flight, and goes on once they drain. */
    private void throttle() {
        Collection<TopicPartition> assignment = consumer.assignment();
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            consumer.pause(assignment);
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /** On losing partitions: commit what is finished there, and forget them. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            commitFinished();
            revoked.forEach(partitions::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> given) {
            assigned = true; // called after every join, with no partitions too
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            assigned = false;
            lost.forEach(partitions::remove);
        }
    }

    /**
     * Sends the record to the dead-letter topic with {@code reason}, then runs {@code then} once
     * the broker has it.
     */
    private void park(ConsumerRecord<byte[], byte[]> record, String reason, Runnable then) {
        log.warn(
                "{}-{} offset {}: {}; sent to {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason,
                deadLetterTopic);
        metrics.deadLetter(record.topic());
        deadLetters.send(
                DeadLetters.letter(
                        deadLetterTopic,
                        "alerts",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.key(),
                        record.value(),
                        reason),
                (metadata, error) -> {
                    if (error != null) {
                        log.error(
                                "cannot write dead letter for {}-{} offset {}: {}",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                DeadLetters.reason(error));
                    }
                    then.run();
                });
    }

    @Override
    public void close() {
        running = false;
        lanes.close();
        if (started) {
            consumer.wakeup();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close();
        }
        deadLetters.close(Duration.ofSeconds(10));
        deliveries.close();
        consumerMetrics.close();
    }
}
