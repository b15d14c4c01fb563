package io.newshound.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * How ingest polls and fetches.
 *
 * @param feeds the feeds to poll
 * @param pollInterval how often a feed is polled when it names no interval of its own
 * @param userAgent the User-Agent header of every request
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest wait for a whole answer
 * @param maxBodyBytes answers larger than this are refused
 * @param fetchPages whether each new entry's page is fetched for its full text; when false, or when
 *     the page cannot be had, the feed's own content is used
 * @param pollThreads how many feeds are polled at once
 */
public record IngestConfig(
        @JsonProperty("feeds") List<FeedSource> feeds,
        @JsonProperty("poll-interval") Duration pollInterval,
        @JsonProperty("user-agent") String userAgent,
        @JsonProperty("connect-timeout") Duration connectTimeout,
        @JsonProperty("request-timeout") Duration requestTimeout,
        @JsonProperty("max-body-bytes") Long maxBodyBytes,
        @JsonProperty("fetch-pages") Boolean fetchPages,
        @JsonProperty("poll-threads") Integer pollThreads) {

    /** The User-Agent when none is configured: it names the project, as polite crawlers do. */
    public static final String DEFAULT_USER_AGENT = "Newshound/0.1 (news monitoring feed reader)";

    public IngestConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        pollInterval = pollInterval == null ? Duration.ofMinutes(5) : pollInterval;
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        maxBodyBytes = maxBodyBytes == null ? 10L * 1024 * 1024 : maxBodyBytes;
        fetchPages = fetchPages == null || fetchPages;
        pollThreads = pollThreads == null ? 4 : pollThreads;
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("ingest.poll-interval must be positive");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("ingest.max-body-bytes must be at least 1024");
        }
        if (pollThreads < 1) {
            throw new IllegalArgumentException("ingest.poll-threads must be at least 1");
        }
    }

    /** The defaults, polling {@code feeds}. */
    public static IngestConfig of(List<FeedSource> feeds) {
        return new IngestConfig(feeds, null, null, null, null, null, null, null);
    }

    public IngestConfig withPollInterval(Duration interval) {
        return new IngestConfig(
                feeds,
                interval,
                userAgent,
                connectTimeout,
                requestTimeout,
                maxBodyBytes,
                fetchPages,
                pollThreads);
    }

    /** How often {@code feed} is polled. */
    public Duration intervalOf(FeedSource feed) {
        return feed.interval() == null ? pollInterval : feed.interval();
    }
}
