package io.newshound.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How hard the alerts service tries each receiver.
 *
 * @param attempts sends per alert before it goes to the dead-letter topic (default 6)
 * @param firstBackoff the wait after the first failure, doubled after each further one, with jitter
 *     (default 1s); a receiver's Retry-After, when longer, is honoured instead
 * @param maxBackoff the longest wait between two sends (default 1m)
 * @param timeout how long a receiver has to answer (default 10s)
 * @param breakerOpen how long a receiver's circuit stays open once most recent sends to it failed,
 *     before one is let through to try it (default 30s)
 */
public record DeliveryPolicy(
        @JsonProperty("attempts") Integer attempts,
        @JsonProperty("first-backoff") Duration firstBackoff,
        @JsonProperty("max-backoff") Duration maxBackoff,
        @JsonProperty("timeout") Duration timeout,
        @JsonProperty("breaker-open") Duration breakerOpen) {

    public DeliveryPolicy {
        attempts = attempts == null ? 6 : attempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(1) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        breakerOpen = breakerOpen == null ? Duration.ofSeconds(30) : breakerOpen;
        if (attempts < 1) {
            throw new IllegalArgumentException("delivery attempts must be at least 1");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException(
                    "delivery backoff: first-backoff must be >= 0 and <= max-backoff");
        }
    }

    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(null, null, null, null, null);
    }
}
