package io.newshound.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * How ingest polls and fetches.
 *
 * @param feeds feeds to add to the feeds topic at start (existing ones are kept)
 * @param pollInterval how often a feed is polled when it names no interval of its own; the actual
 *     interval adapts between a quarter and four times this, as the feed has news or not
 * @param minInterval no feed is polled more often than this, whatever it says
 * @param maxBackoff the longest wait after repeated failures
 * @param userAgent the User-Agent header of every request
 * @param connectTimeout the longest wait for a connection
 * @param responseTimeout the longest wait for an answer's headers
 * @param totalTimeout the longest a whole request may take, body included
 * @param maxBodyBytes answers larger than this, before or after decompression, are refused
 * @param fetchPages whether each new entry's page is fetched for its full text; when false, or when
 *     the page cannot be had, the feed's own content is used
 * @param workers how many fetches run at once
 * @param perHostConnections how many requests run at once against one host
 * @param perHostDelay the least time between two requests to one host
 * @param allowPrivateAddresses whether loopback, private and link-local addresses may be fetched
 *     (off by default, so that a feed cannot make ingest probe its own network)
 * @param instanceId this instance's stable name; instances of one deployment need different ones.
 *     Null means the host name
 * @param rememberedEntries how many published entries are remembered per feed
 */
public record IngestConfig(
        @JsonProperty("feeds") List<FeedSource> feeds,
        @JsonProperty("poll-interval") Duration pollInterval,
        @JsonProperty("min-interval") Duration minInterval,
        @JsonProperty("max-backoff") Duration maxBackoff,
        @JsonProperty("user-agent") String userAgent,
        @JsonProperty("connect-timeout") Duration connectTimeout,
        @JsonProperty("response-timeout") Duration responseTimeout,
        @JsonProperty("total-timeout") Duration totalTimeout,
        @JsonProperty("max-body-bytes") Long maxBodyBytes,
        @JsonProperty("fetch-pages") Boolean fetchPages,
        @JsonProperty("workers") Integer workers,
        @JsonProperty("per-host-connections") Integer perHostConnections,
        @JsonProperty("per-host-delay") Duration perHostDelay,
        @JsonProperty("allow-private-addresses") Boolean allowPrivateAddresses,
        @JsonProperty("instance-id") String instanceId,
        @JsonProperty("remembered-entries") Integer rememberedEntries) {

    /** The User-Agent when none is configured: it names the project, as polite crawlers do. */
    public static final String DEFAULT_USER_AGENT = "Newshound/0.1 (news monitoring feed reader)";

    public IngestConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        pollInterval = orDefault(pollInterval, Duration.ofMinutes(5));
        minInterval = orDefault(minInterval, Duration.ofSeconds(10));
        maxBackoff = orDefault(maxBackoff, Duration.ofHours(6));
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(10));
        responseTimeout = orDefault(responseTimeout, Duration.ofSeconds(30));
        totalTimeout = orDefault(totalTimeout, Duration.ofSeconds(60));
        maxBodyBytes = maxBodyBytes == null ? 10L * 1024 * 1024 : maxBodyBytes;
        fetchPages = fetchPages == null || fetchPages;
        workers = workers == null ? 16 : workers;
        perHostConnections = perHostConnections == null ? 2 : perHostConnections;
        perHostDelay = perHostDelay == null ? Duration.ofMillis(250) : perHostDelay;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        rememberedEntries = rememberedEntries == null ? 500 : rememberedEntries;
        positive(pollInterval, "ingest.poll-interval");
        positive(minInterval, "ingest.min-interval");
        positive(maxBackoff, "ingest.max-backoff");
        positive(connectTimeout, "ingest.connect-timeout");
        positive(responseTimeout, "ingest.response-timeout");
        positive(totalTimeout, "ingest.total-timeout");
        if (perHostDelay.isNegative()) {
            throw new IllegalArgumentException("ingest.per-host-delay must not be negative");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("ingest.max-body-bytes must be at least 1024");
        }
        if (workers < 1 || perHostConnections < 1) {
            throw new IllegalArgumentException(
                    "ingest.workers and ingest.per-host-connections must be at least 1");
        }
        if (rememberedEntries < 10) {
            throw new IllegalArgumentException("ingest.remembered-entries must be at least 10");
        }
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The defaults, polling {@code feeds}. */
    public static IngestConfig of(List<FeedSource> feeds) {
        return new IngestConfig(
                feeds, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public IngestConfig withPollInterval(Duration interval) {
        return new IngestConfig(
                feeds,
                interval,
                minInterval.compareTo(interval) > 0 ? interval : minInterval,
                maxBackoff,
                userAgent,
                connectTimeout,
                responseTimeout,
                totalTimeout,
                maxBodyBytes,
                fetchPages,
                workers,
                perHostConnections,
                perHostDelay,
                allowPrivateAddresses,
                instanceId,
                rememberedEntries);
    }

    /** The same, allowed (or not) to fetch loopback and private addresses. */
    public IngestConfig withPrivateAddresses(boolean allowed) {
        return new IngestConfig(
                feeds,
                pollInterval,
                minInterval,
                maxBackoff,
                userAgent,
                connectTimeout,
                responseTimeout,
                totalTimeout,
                maxBodyBytes,
                fetchPages,
                workers,
                perHostConnections,
                perHostDelay,
                allowed,
                instanceId,
                rememberedEntries);
    }

    public IngestConfig withUserAgent(String agent) {
        return new IngestConfig(
                feeds,
                pollInterval,
                minInterval,
                maxBackoff,
                agent,
                connectTimeout,
                responseTimeout,
                totalTimeout,
                maxBodyBytes,
                fetchPages,
                workers,
                perHostConnections,
                perHostDelay,
                allowPrivateAddresses,
                instanceId,
                rememberedEntries);
    }

    public IngestConfig withInstanceId(String id) {
        return new IngestConfig(
                feeds,
                pollInterval,
                minInterval,
                maxBackoff,
                userAgent,
                connectTimeout,
                responseTimeout,
                totalTimeout,
                maxBodyBytes,
                fetchPages,
                workers,
                perHostConnections,
                perHostDelay,
                allowPrivateAddresses,
                id,
                rememberedEntries);
    }

    public IngestConfig withTimeouts(Duration response, Duration total) {
        return new IngestConfig(
                feeds,
                pollInterval,
                minInterval,
                maxBackoff,
                userAgent,
                connectTimeout,
                response,
                total,
                maxBodyBytes,
                fetchPages,
                workers,
                perHostConnections,
                perHostDelay,
                allowPrivateAddresses,
                instanceId,
                rememberedEntries);
    }

    public IngestConfig withMaxBodyBytes(long bytes) {
        return new IngestConfig(
                feeds,
                pollInterval,
                minInterval,
                maxBackoff,
                userAgent,
                connectTimeout,
                responseTimeout,
                totalTimeout,
                bytes,
                fetchPages,
                workers,
                perHostConnections,
                perHostDelay,
                allowPrivateAddresses,
                instanceId,
                rememberedEntries);
    }

    public IngestConfig withPerHost(int connections, Duration delay) {
        return new IngestConfig(
                feeds,
                pollInterval,
                minInterval,
                maxBackoff,
                userAgent,
                connectTimeout,
                responseTimeout,
                totalTimeout,
                maxBodyBytes,
                fetchPages,
                workers,
                connections,
                delay,
                allowPrivateAddresses,
                instanceId,
                rememberedEntries);
    }

    public IngestConfig withWorkers(int count) {
        return new IngestConfig(
                feeds,
                pollInterval,
                minInterval,
                maxBackoff,
                userAgent,
                connectTimeout,
                responseTimeout,
                totalTimeout,
                maxBodyBytes,
                fetchPages,
                count,
                perHostConnections,
                perHostDelay,
                allowPrivateAddresses,
                instanceId,
                rememberedEntries);
    }

    public IngestConfig withFetchPages(boolean fetch) {
        return new IngestConfig(
                feeds,
                pollInterval,
                minInterval,
                maxBackoff,
                userAgent,
                connectTimeout,
                responseTimeout,
                totalTimeout,
                maxBodyBytes,
                fetch,
                workers,
                perHostConnections,
                perHostDelay,
                allowPrivateAddresses,
                instanceId,
                rememberedEntries);
    }

    /** The base interval of {@code feed}: its own, or the default. */
    public Duration baseInterval(Duration own) {
        return own == null ? pollInterval : own;
    }
}
