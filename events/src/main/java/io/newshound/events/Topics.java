package io.newshound.events;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics of a Newshound deployment. Every name is the deployment's prefix plus a fixed suffix,
 * so that several deployments (or tests) can share one cluster.
 *
 * @param prefix prepended to every topic name, e.g. {@code newshound.}
 */
public record Topics(String prefix) {
    /** The prefix used when the configuration names none. */
    public static final String DEFAULT_PREFIX = "newshound.";

    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<byte[]> BYTES = Serdes.ByteArray();

    public Topics {
        prefix = prefix == null ? DEFAULT_PREFIX : prefix;
    }

    /** Articles as ingested, keyed by article id. */
    public EventTopic<String, Article> articles() {
        return new EventTopic<>(prefix + "articles", KEYS, JsonSerde.of(Article.class));
    }

    /** Articles with topics and story, keyed by article id. */
    public EventTopic<String, EnrichedArticle> enriched() {
        return new EventTopic<>(
                prefix + "articles.enriched", KEYS, JsonSerde.of(EnrichedArticle.class));
    }

    /** Claims with the novelty decision, keyed by content fingerprint. */
    public EventTopic<String, Claim> claims() {
        return new EventTopic<>(prefix + "claims", KEYS, JsonSerde.of(Claim.class));
    }

    /**
     * Alerts, one per claim and subscription, keyed by subscription: the Kafka alert channel, and
     * what the alerts service delivers to every other channel from.
     */
    public EventTopic<String, Alert> alerts() {
        return new EventTopic<>(prefix + "alerts", KEYS, JsonSerde.of(Alert.class));
    }

    /**
     * The outcome of every alert delivered or given up on, keyed by alert id: what the alerts
     * service reads back at start so that it never sends an alert twice.
     */
    public EventTopic<String, Delivery> deliveries() {
        return new EventTopic<>(
                prefix + "alert-deliveries", KEYS, JsonSerde.of(Delivery.class), true);
    }

    /**
     * Records no service could read or handle, with the reason and their origin in headers (see
     * {@link DeadLetters}); the raw bytes are kept as they were.
     */
    public EventTopic<byte[], byte[]> deadLetters() {
        return new EventTopic<>(prefix + "deadletters", BYTES, BYTES);
    }

    /** The feeds ingest polls, keyed by feed id; a null value removes the feed. Compacted. */
    public EventTopic<String, FeedDefinition> feeds() {
        return new EventTopic<>(prefix + "feeds", KEYS, JsonSerde.of(FeedDefinition.class), true);
    }

    /**
     * Each feed's polling state (validators, schedule, health, entries already published), keyed by
     * feed id and partitioned like {@link #feeds()}. Compacted.
     */
    public EventTopic<String, FeedState> feedState() {
        return new EventTopic<>(prefix + "feed-state", KEYS, JsonSerde.of(FeedState.class), true);
    }

    /** Every topic the pipeline reads or writes between services. */
    public List<EventTopic<?, ?>> all() {
        return List.of(
                articles(),
                enriched(),
                claims(),
                alerts(),
                deliveries(),
                deadLetters(),
                feeds(),
                feedState());
    }
}
