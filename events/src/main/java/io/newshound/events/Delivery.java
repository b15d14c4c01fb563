package io.newshound.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of one alert: delivered, or given up on and sent to the dead-letter topic.
 *
 * @param schemaVersion version of this record's shape
 * @param alertId the alert
 * @param outcome what became of it
 * @param channel the channel it went to
 * @param attempts how many times it was sent
 * @param at when the outcome was reached
 * @param receipt what the receiver answered that later alerts need, or null: for Slack with a bot
 *     token, the message's timestamp, under which re-reports of the claim reply (since version 2)
 */
public record Delivery(
        int schemaVersion,
        String alertId,
        Outcome outcome,
        String channel,
        int attempts,
        Instant at,
        String receipt) {

    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 2;

    /** What became of an alert. */
    public enum Outcome {
        /** The receiver took it. */
        DELIVERED,
        /** The retry budget was spent, or the receiver refused it for good. */
        DEAD_LETTER;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Delivery {
        SchemaVersions.check("Delivery", schemaVersion, SCHEMA_VERSION);
        SchemaVersions.requireText(alertId, "alertId");
        Objects.requireNonNull(outcome, "outcome");
        SchemaVersions.requireText(channel, "channel");
        Objects.requireNonNull(at, "at");
    }

    public static Delivery of(
            Alert alert, Outcome outcome, String channel, int attempts, Instant at) {
        return of(alert, outcome, channel, attempts, at, null);
    }

    public static Delivery of(
            Alert alert,
            Outcome outcome,
            String channel,
            int attempts,
            Instant at,
            String receipt) {
        return new Delivery(SCHEMA_VERSION, alert.id(), outcome, channel, attempts, at, receipt);
    }
}
