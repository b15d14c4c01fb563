package io.newshound.events;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic and the serdes of its keys and values; described once in {@link Topics} and used
 * everywhere from there.
 */
public record EventTopic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public EventTopic {
        SchemaVersions.requireText(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    @Override
    public String toString() {
        return name;
    }
}
