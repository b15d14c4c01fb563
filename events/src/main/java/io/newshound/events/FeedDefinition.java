package io.newshound.events;

import java.time.Duration;

/**
 * A feed to poll, as kept on the feeds topic.
 *
 * @param schemaVersion version of this record's shape
 * @param url the feed's address as it was added; also its id (the record's key)
 * @param name the outlet's name, or null to use the feed's own title
 * @param interval how often to poll it, or null for the ingest default
 */
public record FeedDefinition(int schemaVersion, String url, String name, Duration interval) {
    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public FeedDefinition {
        SchemaVersions.check("FeedDefinition", schemaVersion, SCHEMA_VERSION);
        SchemaVersions.requireText(url, "url");
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("interval must be positive: " + url);
        }
    }

    public static FeedDefinition of(String url, String name, Duration interval) {
        return new FeedDefinition(SCHEMA_VERSION, url, name, interval);
    }

    /** The feed's id: its URL as added, even after it moves. */
    public String id() {
        return url;
    }

    /** The label of this feed in logs and metrics: its name, else its URL. */
    public String label() {
        return name == null || name.isBlank() ? url : name;
    }
}
