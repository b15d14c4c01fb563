package io.newshound.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;

/**
 * A topic or a subscriber silenced, for good or until a time (a snooze), as stored on the compacted
 * mutes topic, keyed by {@link #key()}; a tombstone lifts it. Claims that arrive while it holds are
 * not alerted to it, not even later.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind what is muted
 * @param name the topic's or the subscription's name
 * @param until when it ends; null while it is not lifted
 * @param updated when it was written
 */
public record Mute(
        @JsonProperty("schemaVersion") int schemaVersion,
        @JsonProperty("kind") Kind kind,
        @JsonProperty("name") String name,
        @JsonProperty("until") Instant until,
        @JsonProperty("updated") Instant updated) {
    public static final int SCHEMA_VERSION = 1;

    /** What a mute silences. */
    public enum Kind {
        @JsonProperty("topic")
        TOPIC,
        @JsonProperty("subscription")
        SUBSCRIPTION
    }

    public Mute {
        if (kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mute needs a kind and a name");
        }
    }

    /** Its key on the mutes topic: {@code topic:NAME} or {@code subscription:ID}. */
    public static String key(Kind kind, String name) {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }

    public String key() {
        return key(kind, name);
    }

    /** Whether it silences at {@code now}. */
    public boolean holdsAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
