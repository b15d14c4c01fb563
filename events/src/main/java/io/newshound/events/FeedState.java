package io.newshound.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What ingest knows of a feed between polls, kept on the feed-state topic so that a restarted or
 * new ingest instance resumes where the last one stopped.
 *
 * @param schemaVersion version of this record's shape
 * @param feed the feed's id (its URL as added)
 * @param url where the feed is fetched now: its id, or where a permanent redirect moved it
 * @param etag the last answer's ETag, or null
 * @param lastModified the last answer's Last-Modified, or null
 * @param interval the current polling interval, adapted to how often the feed has news
 * @param nextPollAt when to poll next
 * @param lastPollAt when it was last polled, or null
 * @param lastSuccessAt when a poll last succeeded, or null
 * @param consecutiveErrors failed polls since the last success
 * @param lastOutcome the last poll's outcome ({@code ok}, {@code not_modified}, {@code http_404},
 *     …)
 * @param lastError the last failure in one line, or null
 * @param retired whether the feed is gone for good (410) and no longer polled
 * @param seen the entries already published, as a compact list of hashes (see {@code SeenEntries})
 */
public record FeedState(
        int schemaVersion,
        String feed,
        String url,
        String etag,
        String lastModified,
        Duration interval,
        Instant nextPollAt,
        Instant lastPollAt,
        Instant lastSuccessAt,
        int consecutiveErrors,
        String lastOutcome,
        String lastError,
        boolean retired,
        String seen) {

    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public FeedState {
        SchemaVersions.check("FeedState", schemaVersion, SCHEMA_VERSION);
        SchemaVersions.requireText(feed, "feed");
        url = url == null || url.isBlank() ? feed : url;
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
        seen = seen == null ? "" : seen;
    }

    /** The same state, fetched from {@code newUrl} from now on. */
    public FeedState withUrl(String newUrl) {
        return new FeedState(
                schemaVersion,
                feed,
                newUrl,
                etag,
                lastModified,
                interval,
                nextPollAt,
                lastPollAt,
                lastSuccessAt,
                consecutiveErrors,
                lastOutcome,
                lastError,
                retired,
                seen);
    }

    /** The same state, due at {@code when}. */
    public FeedState dueAt(Instant when) {
        return new FeedState(
                schemaVersion,
                feed,
                url,
                etag,
                lastModified,
                interval,
                when,
                lastPollAt,
                lastSuccessAt,
                consecutiveErrors,
                lastOutcome,
                lastError,
                retired,
                seen);
    }

    /** The same state with a new base interval, due at once. */
    public FeedState rebased(Duration newInterval, Instant now) {
        return new FeedState(
                schemaVersion,
                feed,
                url,
                etag,
                lastModified,
                newInterval,
                now,
                lastPollAt,
                lastSuccessAt,
                consecutiveErrors,
                lastOutcome,
                lastError,
                retired,
                seen);
    }

    /** The state of a feed never polled: due at once. */
    public static FeedState initial(String feed, Duration interval, Instant now) {
        return new FeedState(
                SCHEMA_VERSION,
                feed,
                feed,
                null,
                null,
                interval,
                now,
                null,
                null,
                0,
                null,
                null,
                false,
                "");
    }
}
