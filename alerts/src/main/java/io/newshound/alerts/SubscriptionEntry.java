package io.newshound.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A subscription as stored on the compacted subscriptions topic, keyed by its id; a tombstone
 * deletes it.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param subscription the subscription
 * @param updated when it was last written
 */
public record SubscriptionEntry(
        @JsonProperty("schemaVersion") int schemaVersion,
        @JsonProperty("subscription") Subscription subscription,
        @JsonProperty("updated") Instant updated) {
    public static final int SCHEMA_VERSION = 1;

    public SubscriptionEntry {
        if (subscription == null) {
            throw new IllegalArgumentException("a subscription entry needs its subscription");
        }
    }
}
