package io.newshound.ingest;

import java.time.Instant;

/**
 * What ingest knows of a feed's health.
 *
 * @param lastSuccess the end of the last successful poll, or null
 * @param consecutiveErrors failed polls since the last success
 * @param lastError the last failure's one-line description, or null
 */
public record FeedHealth(Instant lastSuccess, int consecutiveErrors, String lastError) {
    static final FeedHealth UNKNOWN = new FeedHealth(null, 0, null);

    FeedHealth after(PollOutcome outcome, Instant now) {
        return outcome.isOk()
                ? new FeedHealth(now, 0, lastError)
                : new FeedHealth(lastSuccess, consecutiveErrors + 1, outcome.problem());
    }
}
