package io.newshound.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An alert about a claim, as the alerts service routes it.
 *
 * @param schemaVersion version of this record's shape
 * @param id unique id, one per claim and subscription: the same claim routed twice to a
 *     subscription gets the same id, which receivers get as the idempotency key
 * @param kind what happened
 * @param created when the alert was made
 * @param topics the topics it is routed under
 * @param claim the claim it is about
 * @param subscription the subscription it is for (since version 2; null in version 1, which went to
 *     every channel)
 */
public record Alert(
        int schemaVersion,
        String id,
        Kind kind,
        Instant created,
        List<String> topics,
        Claim claim,
        String subscription) {

    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 2;

    /** What an alert announces. */
    public enum Kind {
        /** A claim nobody had carried before. */
        NEW_CLAIM,
        /** Another outlet carries a claim already alerted on. */
        RE_REPORT;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Alert {
        SchemaVersions.check("Alert", schemaVersion, SCHEMA_VERSION);
        SchemaVersions.requireText(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(created, "created");
        topics = List.copyOf(topics);
        Objects.requireNonNull(claim, "claim");
    }

    /** The alert to {@code subscription} about a claim seen for the first time. */
    public static Alert newClaim(
            Claim claim, List<String> topics, String subscription, Instant created) {
        SchemaVersions.requireText(subscription, "subscription");
        return new Alert(
                SCHEMA_VERSION,
                "new:" + claim.id() + "@" + subscription,
                Kind.NEW_CLAIM,
                created,
                topics,
                claim,
                subscription);
    }
}
