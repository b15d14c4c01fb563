package io.newshound.ingest;

import io.newshound.events.Article;
import io.newshound.events.DeadLetters;
import io.newshound.events.EventTopic;
import io.newshound.events.FeedDefinition;
import io.newshound.events.FeedState;
import io.newshound.events.KafkaSettings;
import io.newshound.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns a share of the feeds and polls them, publishing each poll's articles and the feed's new
 * state in one Kafka transaction.
 *
 * <p>Which feeds an instance owns is decided by Kafka: the feeds topic is read through a consumer
 * group, and an instance polls the feeds of the partitions assigned to it; adding an instance
 * rebalances them. On assignment it reads those feeds' states from the feed-state topic
 * (partitioned alike). Every transaction also carries the group's offsets, so an instance that lost
 * its partitions in a rebalance cannot commit (Kafka fences it): a feed's articles are published
 * once, by its owner. A crash before the commit publishes nothing, and the next owner polls the
 * feed again from the last committed state: nothing lost, nothing twice.
 *
 * <p>One thread runs the consumer, the schedule and the transactions; fetching runs on a pool.
 */
final class IngestCoordinator implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestCoordinator.class);
    private static final Duration LOOP = Duration.ofMillis(50);

    /** A state whose only changes are times is written at most this often. */
    private static final Duration STATE_FLUSH = Duration.ofMinutes(10);

    private static final Duration RETRY_AFTER_PUBLISH_FAILURE = Duration.ofSeconds(5);
    private static final int MAX_BATCH = 500;

    private final IngestConfig config;
    private final KafkaSettings kafka;
    private final Topics topics;
    private final FeedPoller poller;
    private final IngestMetrics metrics;
    private final AutoCloseable clientMetrics;
    private final Clock clock;
    private final String instanceId;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final ExecutorService workers;
    private final Map<String, Owned> owned = new HashMap<>();

    /** The owned feeds waiting for their next poll, soonest first. */
    private final PriorityQueue<Owned> waiting =
            new PriorityQueue<>(Comparator.comparing(o -> o.state.nextPollAt()));

    /** States read at assignment, waiting for their feeds' definitions. */
    private final Map<String, Loaded> loaded = new HashMap<>();

    private final ConcurrentLinkedQueue<Done> completed = new ConcurrentLinkedQueue<>();

    /** Released by a worker when a poll finishes, to wake the coordinator. */
    private final Semaphore finished = new Semaphore(0);

    private final List<ProducerRecord<String, byte[]>> pendingLetters = new ArrayList<>();
    private final Thread thread;
    private final AtomicInteger ownedCount = new AtomicInteger();
    private volatile boolean running = true;
    private volatile Exception failure;
    private volatile Instant lastPublish;
    private int inFlight;

    /** A feed this instance owns. */
    private static final class Owned {
        FeedDefinition definition;
        FeedState state;
        final int partition;
        boolean polling;
        boolean queued;
        Instant persistedAt;
        FeedState persisted;

        Owned(FeedDefinition definition, FeedState state, int partition) {
            this.definition = definition;
            this.state = state;
            this.partition = partition;
            this.persisted = state;
        }
    }

    private record Done(Owned owner, PollResult result, Duration took) {}

    private record Loaded(FeedState state, int partition) {}

    IngestCoordinator(
            IngestConfig config,
            KafkaSettings kafka,
            FeedPoller poller,
            IngestMetrics metrics,
            Clock clock,
            String instanceId) {
        this.config = config;
        this.kafka = kafka;
        this.topics = kafka.topics();
        this.poller = poller;
        this.metrics = metrics;
        this.clock = clock;
        this.instanceId = instanceId;
        this.consumer =
                new KafkaConsumer<>(
                        consumerProperties(),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        this.producer =
                new KafkaProducer<>(
                        producerProperties(), new StringSerializer(), new ByteArraySerializer());
        AtomicInteger threads = new AtomicInteger();
        this.workers =
                Executors.newFixedThreadPool(
                        config.workers(),
                        r -> {
                            Thread t =
                                    new Thread(r, "newshound-fetch-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.thread = new Thread(this, "newshound-ingest");
        metrics.bindOwned(ownedCount::get);
        this.clientMetrics = metrics.bindClients(producer, consumer);
    }

    private Properties consumerProperties() {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topicPrefix() + "ingest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "ingest-" + instanceId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Static membership: a restarted instance takes its feeds back at once, without a
        // rebalance; one that does not come back loses them after the session timeout.
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "15000");
        return props;
    }

    private Properties producerProperties() {
        Properties props = kafka.clientProperties();
        props.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                kafka.topicPrefix() + "ingest-producer-" + instanceId);
        // Stable per instance: a restarted instance aborts what its previous life left open.
        props.put(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                kafka.topicPrefix() + "ingest-" + instanceId);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "30000");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // LZ4: compression runs in the publishing thread, and zstd costs it three times more.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            seed(config.feeds());
            consumer.subscribe(List.of(topics.feeds().name()), new Rebalance());
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ZERO)) {
                    apply(record);
                }
                Instant nextDue = dispatchDue();
                publishCompleted();
                awaitWork(nextDue);
            }
            finish();
        } catch (WakeupException e) {
            if (running) {
                fail(e);
            } else {
                finish();
            }
        } catch (Exception e) {
            fail(e);
        } finally {
            workers.shutdownNow();
            producer.close(Duration.ofSeconds(10));
            // A clean stop hands the feeds to the other instances now, not after the timeout.
            consumer.close(
                    CloseOptions.timeout(Duration.ofSeconds(10))
                            .withGroupMembershipOperation(
                                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
    }

    private void fail(Exception e) {
        failure = e;
        if (e instanceof ProducerFencedException || e instanceof FencedInstanceIdException) {
            log.error(
                    "ingest stopped: another instance uses instance-id '{}'; give each instance its"
                            + " own ingest.instance-id",
                    instanceId);
        } else {
            log.error("ingest stopped: {}", DeadLetters.reason(e), e);
        }
    }

    /** Publishes what finished polling before a clean stop; anything later is polled again. */
    private void finish() {
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publishCompleted();
    }

    /** Adds the configured feeds to the feeds topic. */
    private void seed(List<FeedSource> feeds) {
        if (feeds.isEmpty()) {
            return;
        }
        EventTopic<String, FeedDefinition> topic = topics.feeds();
        producer.beginTransaction();
        for (FeedSource feed : feeds) {
            FeedDefinition definition = feed.toDefinition();
            producer.send(
                    new ProducerRecord<>(
                            topic.name(),
                            definition.id(),
                            topic.valueSerde().serializer().serialize(topic.name(), definition)));
        }
        producer.commitTransaction();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            return;
        }
        if (record.value() == null) {
            Owned gone = owned.remove(id);
            if (gone != null) {
                unschedule(gone);
                log.info("feed {} removed", id);
                metrics.forget(gone.definition.label());
                ownedCount.set(owned.size());
            }
            return;
        }
        FeedDefinition definition;
        try {
            definition =
                    topics.feeds()
                            .valueSerde()
                            .deserializer()
                            .deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            deadLetter(record, DeadLetters.reason(e));
            return;
        }
        Owned existing = owned.get(id);
        Instant now = clock.instant();
        if (existing == null) {
            Loaded known = loaded.remove(id);
            FeedState state = known == null ? null : known.state();
            if (state == null) {
                state = FeedState.initial(id, config.baseInterval(definition.interval()), now);
            }
            Owned feed = new Owned(definition, state, record.partition());
            owned.put(id, feed);
            schedule(feed);
            ownedCount.set(owned.size());
            metrics.recordHealth(definition.label(), state);
        } else if (!existing.definition.equals(definition)) {
            if (!Objects.equals(existing.definition.interval(), definition.interval())) {
                unschedule(existing);
                existing.state =
                        existing.state.rebased(config.baseInterval(definition.interval()), now);
                schedule(existing);
            }
            existing.definition = definition;
        }
    }

    /** Starts polling the feeds that are due; returns when the next one will be. */
    private Instant dispatchDue() {
        Instant now = clock.instant();
        int limit = config.workers() * 4;
        while (!waiting.isEmpty() && !waiting.peek().state.nextPollAt().isAfter(now)) {
            if (inFlight >= limit) {
                return now;
            }
            Owned feed = waiting.poll();
            feed.queued = false;
            feed.polling = true;
            inFlight++;
            FeedDefinition definition = feed.definition;
            FeedState state = feed.state;
            workers.execute(
                    () -> {
                        long start = System.nanoTime();
                        PollResult result;
                        try {
                            result = poller.poll(definition, state);
                        } catch (RuntimeException e) {
                            log.error(
                                    "feed {}: unexpected failure: {}",
                                    definition.url(),
                                    e.toString(),
                                    e);
                            result =
                                    new PollResult(
                                            definition.id(),
                                            state.dueAt(
                                                    clock.instant()
                                                            .plus(RETRY_AFTER_PUBLISH_FAILURE)),
                                            List.of(),
                                            "internal_error",
                                            DeadLetters.reason(e),
                                            0,
                                            List.of());
                        }
                        completed.add(
                                new Done(
                                        feed, result, Duration.ofNanos(System.nanoTime() - start)));
                        finished.release();
                    });
        }
        Instant next = now.plus(LOOP);
        if (!waiting.isEmpty() && waiting.peek().state.nextPollAt().isBefore(next)) {
            next = waiting.peek().state.nextPollAt();
        }
        return next;
    }

    /** Puts a feed in line for its next poll, unless it is being polled or retired. */
    private void schedule(Owned feed) {
        if (!feed.polling && !feed.queued && !feed.state.retired()) {
            waiting.add(feed);
            feed.queued = true;
        }
    }

    private void unschedule(Owned feed) {
        if (feed.queued) {
            waiting.remove(feed);
            feed.queued = false;
        }
    }

    /**
     * Waits until a poll finishes or the next feed is due, at most {@link #LOOP}: the consumer is
     * polled again soon, and finished polls are published without delay.
     */
    private void awaitWork(Instant nextDue) throws InterruptedException {
        long millis =
                Math.min(LOOP.toMillis(), Duration.between(clock.instant(), nextDue).toMillis());
        if (millis > 0) {
            finished.tryAcquire(millis, TimeUnit.MILLISECONDS);
        }
        finished.drainPermits();
    }

    /** Publishes finished polls: their articles and changed states, in one transaction. */
    private void publishCompleted() {
        List<Done> batch = new ArrayList<>();
        for (Done d; batch.size() < MAX_BATCH && (d = completed.poll()) != null; ) {
            inFlight--;
            d.owner.polling = false;
            // A feed revoked or removed while it was polled: its new owner polls it again.
            if (owned.get(d.owner.definition.id()) == d.owner) {
                batch.add(d);
            }
        }
        if (batch.isEmpty() && pendingLetters.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Done> toWrite = new ArrayList<>();
        for (Done done : batch) {
            metrics.polled(done.owner.definition.label(), done.result, done.took);
            report(done.owner, done.result);
            if (!done.result.articles().isEmpty()
                    || mustPersist(done.owner, done.result.state(), now)) {
                toWrite.add(done);
            } else {
                done.owner.state = done.result.state();
                schedule(done.owner);
                metrics.recordHealth(done.owner.definition.label(), done.owner.state);
            }
        }
        if (toWrite.isEmpty() && pendingLetters.isEmpty()) {
            return;
        }
        try {
            producer.beginTransaction();
            for (Done done : toWrite) {
                for (Article article : done.result.articles()) {
                    producer.send(
                            new ProducerRecord<>(
                                    topics.articles().name(),
                                    article.id(),
                                    topics.articles()
                                            .valueSerde()
                                            .serializer()
                                            .serialize(null, article)));
                }
                producer.send(
                        new ProducerRecord<>(
                                topics.feedState().name(),
                                done.owner.definition.id(),
                                topics.feedState()
                                        .valueSerde()
                                        .serializer()
                                        .serialize(null, done.result.state())));
            }
            for (ProducerRecord<String, byte[]> letter : pendingLetters) {
                producer.send(letter);
            }
            producer.sendOffsetsToTransaction(positions(), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw e;
        } catch (KafkaException e) {
            abort(toWrite, e, now);
            return;
        }
        pendingLetters.clear();
        lastPublish = now;
        metrics.transaction("committed");
        for (Done done : toWrite) {
            done.owner.state = done.result.state();
            schedule(done.owner);
            done.owner.persisted = done.result.state();
            done.owner.persistedAt = now;
            metrics.published(done.owner.definition.label(), done.result.articles().size());
            metrics.recordHealth(done.owner.definition.label(), done.owner.state);
        }
    }

    private void abort(List<Done> toWrite, KafkaException e, Instant now) {
        try {
            producer.abortTransaction();
        } catch (KafkaException again) {
            log.debug("abort failed: {}", again.toString());
        }
        metrics.transaction("aborted");
        log.warn(
                "cannot publish {} polls ({}); they will be polled again",
                toWrite.size(),
                DeadLetters.reason(e));
        for (Done done : toWrite) {
            done.owner.state = done.owner.state.dueAt(now.plus(RETRY_AFTER_PUBLISH_FAILURE));
            schedule(done.owner);
        }
    }

    /** Whether a state must be written now: anything but its times changed, or it is stale. */
    private static boolean mustPersist(Owned feed, FeedState next, Instant now) {
        FeedState last = feed.persisted;
        if (feed.persistedAt == null
                || Duration.between(feed.persistedAt, now).compareTo(STATE_FLUSH) > 0) {
            return true;
        }
        return !Objects.equals(last.url(), next.url())
                || !Objects.equals(last.etag(), next.etag())
                || !Objects.equals(last.lastModified(), next.lastModified())
                || !Objects.equals(last.interval(), next.interval())
                || last.consecutiveErrors() != next.consecutiveErrors()
                || !Objects.equals(last.lastError(), next.lastError())
                || last.retired() != next.retired()
                || !Objects.equals(last.seen(), next.seen());
    }

    /** Logs a poll's problem once: when it starts or changes, not on every retry. */
    private static void report(Owned feed, PollResult result) {
        FeedState before = feed.state;
        String url = feed.definition.url();
        if (!result.isOk()) {
            boolean fresh =
                    before.consecutiveErrors() == 0 || !result.problem().equals(before.lastError());
            if (fresh || result.state().retired()) {
                log.warn("feed {}: {}", url, result.problem());
            } else {
                log.debug("feed {}: {} (again)", url, result.problem());
            }
        } else if (before.consecutiveErrors() > 0) {
            log.info("feed {}: recovered after {} failed polls", url, before.consecutiveErrors());
        }
        if (!Objects.equals(before.url(), result.state().url())) {
            log.info("feed {}: moved permanently to {}", url, result.state().url());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn(
                "{}-{} offset {}: {}; sent to {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason,
                topics.deadLetters().name());
        metrics.deadLetter(record.topic());
        ProducerRecord<byte[], byte[]> letter =
                DeadLetters.letter(
                        topics.deadLetters().name(),
                        "ingest",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        null,
                        record.value(),
                        reason);
        pendingLetters.add(
                new ProducerRecord<>(
                        letter.topic(), null, record.key(), letter.value(), letter.headers()));
    }

    private Map<TopicPartition, OffsetAndMetadata> positions() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        return offsets;
    }

    /** Reads the states of the feeds in {@code partitions} from the feed-state topic. */
    private Map<String, Loaded> loadStates(Collection<TopicPartition> partitions) {
        List<TopicPartition> stateParts = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            stateParts.add(new TopicPartition(topics.feedState().name(), tp.partition()));
        }
        Map<String, Loaded> states = new HashMap<>();
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                kafka.topicPrefix() + "ingest-state-" + instanceId);
        try (KafkaConsumer<String, byte[]> reader =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(stateParts);
            reader.seekToBeginning(stateParts);
            Map<TopicPartition, Long> end = reader.endOffsets(stateParts);
            while (stateParts.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        states.remove(record.key());
                        continue;
                    }
                    try {
                        FeedState state =
                                topics.feedState()
                                        .valueSerde()
                                        .deserializer()
                                        .deserialize(record.topic(), record.value());
                        states.put(record.key(), new Loaded(state, record.partition()));
                    } catch (SerializationException e) {
                        log.warn(
                                "{}-{} offset {}: {}; the feed starts afresh",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                DeadLetters.reason(e));
                    }
                }
            }
        }
        return states;
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Publish what is done while the partitions are still ours; the rest is redone.
            publishCompleted();
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            loaded.putAll(loadStates(partitions));
            consumer.seekToBeginning(partitions);
            log.info(
                    "ingest instance {} now owns feed partitions {}",
                    instanceId,
                    partitions.stream().map(TopicPartition::partition).sorted().toList());
        }

        private void drop(Collection<TopicPartition> partitions) {
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            owned.values()
                    .removeIf(
                            feed -> {
                                if (numbers.contains(feed.partition)) {
                                    metrics.forget(feed.definition.label());
                                    return true;
                                }
                                return false;
                            });
            waiting.removeIf(feed -> numbers.contains(feed.partition));
            ownedCount.set(owned.size());
            loaded.values().removeIf(l -> numbers.contains(l.partition()));
        }
    }

    /** Each owned feed's state, by feed label. */
    Map<String, FeedState> feedStates() {
        return metrics.health();
    }

    boolean isRunning() {
        return thread.isAlive() && failure == null;
    }

    Exception failure() {
        return failure;
    }

    int ownedFeeds() {
        return ownedCount.get();
    }

    Instant lastPublish() {
        return lastPublish;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            clientMetrics.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("closing the Kafka client meters: {}", e.getMessage());
        }
    }
}
