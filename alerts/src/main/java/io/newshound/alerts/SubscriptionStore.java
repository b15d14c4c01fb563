package io.newshound.alerts;

import io.newshound.events.DeadLetters;
import io.newshound.events.EventTopic;
import io.newshound.events.JsonSerde;
import io.newshound.events.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every subscription and mute, the same on every alerts instance: the ops channels of the
 * configuration file, and the subscriptions and mutes written through the API, kept on two
 * compacted topics. Each instance reads both topics whole at start and follows them after, so a
 * change made through one instance reaches the others within a poll.
 */
final class SubscriptionStore implements SubscriptionView, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionStore.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaSettings kafka;
    private final EventTopic<String, SubscriptionEntry> subscriptionsTopic;
    private final EventTopic<String, Mute> mutesTopic;
    private final Map<String, Subscription> configured;
    private final Map<String, Subscription> stored = new ConcurrentHashMap<>();
    private final Map<String, Mute> mutes = new ConcurrentHashMap<>();
    private final AlertsMetrics metrics;
    private final Clock clock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread follower;
    private volatile List<Subscription> all = List.of();
    private volatile boolean running = true;

    SubscriptionStore(
            KafkaSettings kafka,
            List<Subscription> configured,
            AlertsMetrics metrics,
            Clock clock) {
        this.kafka = kafka;
        this.subscriptionsTopic = subscriptionsTopic(kafka);
        this.mutesTopic = mutesTopic(kafka);
        Map<String, Subscription> byId = new LinkedHashMap<>();
        configured.forEach(s -> byId.put(s.id(), s));
        this.configured = Map.copyOf(byId);
        this.all = List.copyOf(configured);
        this.metrics = metrics;
        this.clock = clock;
        Properties consumerProps = kafka.clientProperties();
        consumerProps.put(
                ConsumerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "alerts-subscriptions");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer =
                new KafkaConsumer<>(
                        consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        Properties producerProps = kafka.clientProperties();
        producerProps.put(
                ProducerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "alerts-subscriptions");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer =
                new KafkaProducer<>(
                        producerProps, new StringSerializer(), new ByteArraySerializer());
        this.follower = new Thread(this::follow, "newshound-alerts-subscriptions");
        this.follower.setDaemon(true);
    }

    /** The compacted topic of the subscriptions made through the API. */
    static EventTopic<String, SubscriptionEntry> subscriptionsTopic(KafkaSettings kafka) {
        return new EventTopic<>(
                kafka.topicPrefix() + "subscriptions",
                Serdes.String(),
                JsonSerde.of(SubscriptionEntry.class),
                true);
    }

    /** The compacted topic of the mutes and snoozes. */
    static EventTopic<String, Mute> mutesTopic(KafkaSettings kafka) {
        return new EventTopic<>(
                kafka.topicPrefix() + "alert-mutes",
                Serdes.String(),
                JsonSerde.of(Mute.class),
                true);
    }

    /** Reads both topics to their end, then follows them in the background. */
    void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(subscriptionsTopic.name(), mutesTopic.name())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
        }
        log.info(
                "subscriptions: {} from the configuration, {} stored, {} mutes",
                configured.size(),
                stored.size(),
                mutes.size());
        follower.start();
    }

    private void follow() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("subscriptions: stopped following: {}", DeadLetters.reason(e), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            return;
        }
        try {
            if (record.topic().equals(subscriptionsTopic.name())) {
                if (record.value() == null) {
                    stored.remove(key);
                } else {
                    SubscriptionEntry entry =
                            subscriptionsTopic
                                    .valueSerde()
                                    .deserializer()
                                    .deserialize(record.topic(), record.value());
                    stored.put(key, entry.subscription());
                }
                refresh();
            } else if (record.value() == null) {
                mutes.remove(key);
            } else {
                mutes.put(
                        key,
                        mutesTopic
                                .valueSerde()
                                .deserializer()
                                .deserialize(record.topic(), record.value()));
            }
        } catch (SerializationException | IllegalArgumentException e) {
            metrics.deadLetter(record.topic());
            log.warn(
                    "{}-{} offset {}: unreadable entry {}: {}; ignored",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    key,
                    DeadLetters.reason(e));
        }
    }

    private void refresh() {
        List<Subscription> list = new ArrayList<>(configured.values());
        stored.values().stream()
                .filter(s -> !configured.containsKey(s.id()))
                .sorted(Comparator.comparing(Subscription::id))
                .forEach(list::add);
        all = List.copyOf(list);
    }

    // ---- reading ----

    /** Every subscription, ops channels first, muted or not. */
    List<Subscription> all() {
        return all;
    }

    @Override
    public Optional<Subscription> get(String id) {
        Subscription s = configured.get(id);
        return Optional.ofNullable(s != null ? s : stored.get(id));
    }

    /** Whether {@code id} is an ops channel of the configuration file (not changed by the API). */
    boolean isConfigured(String id) {
        return configured.containsKey(id);
    }

    /** The mutes that still hold. */
    List<Mute> mutes() {
        Instant now = clock.instant();
        return mutes.values().stream()
                .filter(m -> m.holdsAt(now))
                .sorted(Comparator.comparing(Mute::key))
                .toList();
    }

    @Override
    public List<Subscription> active(Instant now) {
        if (mutes.isEmpty()) {
            return all;
        }
        return all.stream().filter(s -> !isMuted(Mute.Kind.SUBSCRIPTION, s.id(), now)).toList();
    }

    @Override
    public boolean isTopicMuted(String topic, Instant now) {
        return !mutes.isEmpty() && isMuted(Mute.Kind.TOPIC, topic, now);
    }

    private boolean isMuted(Mute.Kind kind, String name, Instant now) {
        Mute mute = mutes.get(Mute.key(kind, name));
        return mute != null && mute.holdsAt(now);
    }

    // ---- writing ----

    /**
     * Stores {@code subscription}, new or replacing one of the same id; every instance sees it.
     *
     * @throws IllegalArgumentException when its id is an ops channel of the configuration
     * @throws IllegalStateException when the broker does not take it in time
     */
    void put(Subscription subscription) {
        if (isConfigured(subscription.id())) {
            throw new IllegalArgumentException(
                    subscription.id() + " is an ops channel of the configuration file");
        }
        write(
                subscriptionsTopic.name(),
                subscription.id(),
                subscriptionsTopic
                        .valueSerde()
                        .serializer()
                        .serialize(
                                subscriptionsTopic.name(),
                                new SubscriptionEntry(
                                        SubscriptionEntry.SCHEMA_VERSION,
                                        subscription,
                                        clock.instant())));
        stored.put(subscription.id(), subscription);
        refresh();
    }

    /** Deletes a stored subscription and its mute; false when there was none. */
    boolean delete(String id) {
        if (isConfigured(id)) {
            throw new IllegalArgumentException(id + " is an ops channel of the configuration file");
        }
        if (!stored.containsKey(id)) {
            return false;
        }
        write(subscriptionsTopic.name(), id, null);
        stored.remove(id);
        refresh();
        unmute(Mute.Kind.SUBSCRIPTION, id);
        return true;
    }

    /** Mutes a topic or a subscription until {@code until} (null: until lifted). */
    Mute mute(Mute.Kind kind, String name, Instant until) {
        Mute mute = new Mute(Mute.SCHEMA_VERSION, kind, name, until, clock.instant());
        write(
                mutesTopic.name(),
                mute.key(),
                mutesTopic.valueSerde().serializer().serialize(mutesTopic.name(), mute));
        mutes.put(mute.key(), mute);
        return mute;
    }

    /** Lifts a mute; false when there was none. */
    boolean unmute(Mute.Kind kind, String name) {
        String key = Mute.key(kind, name);
        if (!mutes.containsKey(key)) {
            return false;
        }
        write(mutesTopic.name(), key, null);
        mutes.remove(key);
        return true;
    }

    private void write(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot store " + key + " on " + topic + ": " + DeadLetters.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing " + key, e);
        }
    }

    @Override
    public void close() {
        running = false;
        if (follower.isAlive()) {
            consumer.wakeup();
            try {
                follower.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(Duration.ofSeconds(5));
        }
        producer.close(Duration.ofSeconds(5));
    }
}
