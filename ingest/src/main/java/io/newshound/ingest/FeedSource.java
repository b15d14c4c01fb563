package io.newshound.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newshound.events.FeedDefinition;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One feed to poll.
 *
 * @param url the feed's address
 * @param name the outlet's name; when null, the feed's own title is used
 * @param interval how often to poll it; when null, the ingest default
 */
public record FeedSource(
        @JsonProperty("url") URI url,
        @JsonProperty("name") String name,
        @JsonProperty("interval") Duration interval) {

    public FeedSource {
        Objects.requireNonNull(url, "feed url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("feed url must be http or https: " + url);
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("feed interval must be positive: " + url);
        }
    }

    public static FeedSource of(String url) {
        return new FeedSource(URI.create(url), null, null);
    }

    /** This feed as it is kept on the feeds topic. */
    public FeedDefinition toDefinition() {
        return FeedDefinition.of(url.toString(), name, interval);
    }

    /** The label of this feed in logs and metrics: its name, else its URL. */
    public String label() {
        return name == null ? url.toString() : name;
    }
}
