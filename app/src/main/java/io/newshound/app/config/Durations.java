package io.newshound.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Duration;

/** Reads durations the way people write them in YAML: {@code 30s}, {@code 5m}, {@code 7d}. */
final class Durations extends StdDeserializer<Duration> {

    Durations() {
        super(Duration.class);
    }

    static Duration parse(String text) {
        return io.newshound.events.Durations.parse(text);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
            throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return Duration.ofSeconds(parser.getLongValue());
        }
        String text = parser.getValueAsString();
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return (Duration) context.handleWeirdStringValue(Duration.class, text, e.getMessage());
        }
    }
}
