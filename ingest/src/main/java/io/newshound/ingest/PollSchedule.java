package io.newshound.ingest;

import io.newshound.ingest.feed.Fetched;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to poll a feed next. A feed with news is polled more often (its interval halves), one
 * without less often (it grows by a quarter), between a quarter and four times its base interval
 * and never under the minimum. What the server asks is honoured: Cache-Control max-age and Expires
 * on success, Retry-After on 429 and 503. Failures back off exponentially. A tenth of jitter keeps
 * feeds from moving in step.
 */
final class PollSchedule {
    private static final Pattern MAX_AGE =
            Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*(\\d+)");

    private final Duration minInterval;
    private final Duration maxBackoff;
    private final RandomGenerator random;

    PollSchedule(Duration minInterval, Duration maxBackoff, RandomGenerator random) {
        this.minInterval = minInterval;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    /** The interval after a successful poll that did or did not find new entries. */
    Duration adapt(Duration current, Duration base, boolean hadNews) {
        Duration lower = max(minInterval, base.dividedBy(4));
        Duration upper = max(lower, base.multipliedBy(4));
        Duration next = hadNews ? current.dividedBy(2) : current.plus(current.dividedBy(4));
        return clamp(next, lower, upper);
    }

    /** When to poll after a success, given the adapted interval and the answer's cache hints. */
    Instant afterSuccess(Instant now, Duration interval, Fetched answer, Duration base) {
        Instant next = now.plus(jittered(interval));
        Optional<Instant> cacheable = cacheUntil(answer, now);
        if (cacheable.isPresent() && cacheable.get().isAfter(next)) {
            Instant cap = now.plus(base.multipliedBy(4));
            next = cacheable.get().isBefore(cap) ? cacheable.get() : cap;
        }
        return next;
    }

    /** When to retry after the {@code errors}-th failure in a row. */
    Instant afterFailure(Instant now, Duration interval, int errors, Fetched answer) {
        Duration backoff = interval;
        for (int i = 1; i < errors && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        Instant next = now.plus(jittered(min(backoff, maxBackoff)));
        if (answer != null) {
            Optional<Instant> retryAfter = retryAfter(answer, now);
            if (retryAfter.isPresent() && retryAfter.get().isAfter(next)) {
                Instant cap = now.plus(maxBackoff);
                next = retryAfter.get().isBefore(cap) ? retryAfter.get() : cap;
            }
        }
        return next;
    }

    private Duration jittered(Duration d) {
        long millis = d.toMillis();
        long spread = millis / 10;
        return Duration.ofMillis(
                millis - spread + (spread == 0 ? 0 : random.nextLong(2 * spread + 1)));
    }

    static Optional<Instant> cacheUntil(Fetched answer, Instant now) {
        Optional<String> control = answer.header("Cache-Control");
        if (control.isPresent()) {
            Matcher m = MAX_AGE.matcher(control.get());
            if (m.find()) {
                return Optional.of(now.plusSeconds(Long.parseLong(m.group(1))));
            }
        }
        return answer.header("Expires").flatMap(PollSchedule::httpDate);
    }

    static Optional<Instant> retryAfter(Fetched answer, Instant now) {
        Optional<String> value = answer.header("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().matches("\\d+")) {
            return Optional.of(now.plusSeconds(Long.parseLong(value.get())));
        }
        return httpDate(value.get());
    }

    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(
                    ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration clamp(Duration d, Duration lower, Duration upper) {
        return max(lower, min(d, upper));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
