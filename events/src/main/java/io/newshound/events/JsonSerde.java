package io.newshound.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of every event type: JSON through {@link Json#mapper()}.
 *
 * <p>Bytes that are not a valid event raise {@link SerializationException} with a one-line reason;
 * the caller adds the record's coordinates and routes it to the dead-letter topic.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new SerializationException(
                    "cannot write " + type.getSimpleName() + " to " + topic + ": " + reason(e), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "not a valid " + type.getSimpleName() + ": " + reason(e), e);
        }
    }

    /** Reads a value outside Kafka, for tools and tests. */
    public T read(byte[] data) {
        return deserialize(null, data);
    }

    /** Writes a value outside Kafka, for tools and tests. */
    public byte[] write(T value) {
        return serialize(null, value);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}

    /** Jackson's message without the source dump and stack of locations. */
    static String reason(Throwable e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
            return vie.getCause().getMessage();
        }
        if (e instanceof JacksonException je) {
            String message = je.getOriginalMessage();
            if (je.getLocation() != null) {
                message +=
                        " at line "
                                + je.getLocation().getLineNr()
                                + ", column "
                                + je.getLocation().getColumnNr();
            }
            return message;
        }
        return String.valueOf(e.getMessage());
    }
}
