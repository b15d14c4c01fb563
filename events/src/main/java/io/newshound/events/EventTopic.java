package io.newshound.events;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic and the serdes of its keys and values; described once in {@link Topics} and used
 * everywhere from there.
 *
 * @param name the topic's name
 * @param keySerde its keys' serde
 * @param valueSerde its values' serde
 * @param compacted whether it keeps the latest value per key (a table) rather than a log
 */
public record EventTopic<K, V>(
        String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
    public EventTopic {
        SchemaVersions.requireText(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** A log topic: records are kept for the retention time. */
    public EventTopic(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, keySerde, valueSerde, false);
    }

    @Override
    public String toString() {
        return name;
    }
}
