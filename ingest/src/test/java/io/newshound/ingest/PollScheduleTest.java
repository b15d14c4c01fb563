package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.ingest.feed.Fetched;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    static final Instant T0 = Instant.parse("2026-01-21T12:00:00Z");
    static final Duration BASE = Duration.ofMinutes(20);

    final PollSchedule schedule =
            new PollSchedule(Duration.ofMinutes(2), Duration.ofHours(6), new Random(7));

    static Fetched answer(int status, Map<String, String> headers) {
        Map<String, List<String>> h = new HashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new Fetched(
                URI.create("https://x.example/feed"),
                status,
                h,
                new byte[0],
                null,
                0,
                Duration.ZERO);
    }

    @Test
    void shouldPollAFeedWithNewsMoreOftenDownToAQuarterOfItsBase() {
        Duration interval = BASE;
        for (int i = 0; i < 10; i++) {
            interval = schedule.adapt(interval, BASE, true);
        }

        assertThat(interval).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldPollAQuietFeedLessOftenUpToFourTimesItsBase() {
        Duration interval = BASE;
        for (int i = 0; i < 30; i++) {
            interval = schedule.adapt(interval, BASE, false);
        }

        assertThat(interval).isEqualTo(Duration.ofMinutes(80));
    }

    @Test
    void shouldNeverGoBelowTheMinimumInterval() {
        assertThat(schedule.adapt(Duration.ofMinutes(3), Duration.ofMinutes(4), true))
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldJitterWithinATenth() {
        for (int i = 0; i < 100; i++) {
            Instant next = schedule.afterSuccess(T0, BASE, answer(200, Map.of()), BASE);

            assertThat(Duration.between(T0, next))
                    .isBetween(Duration.ofMinutes(18), Duration.ofMinutes(22));
        }
    }

    @Test
    void shouldDoubleTheWaitAfterEachFailureUpToTheMaximum() {
        Duration first = Duration.between(T0, schedule.afterFailure(T0, BASE, 1, null));
        Duration third = Duration.between(T0, schedule.afterFailure(T0, BASE, 3, null));
        Duration tenth = Duration.between(T0, schedule.afterFailure(T0, BASE, 10, null));

        assertThat(first).isBetween(Duration.ofMinutes(18), Duration.ofMinutes(22));
        assertThat(third).isBetween(Duration.ofMinutes(72), Duration.ofMinutes(88));
        assertThat(tenth).isLessThanOrEqualTo(Duration.ofHours(6).plus(Duration.ofMinutes(36)));
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrAsADate() {
        Instant bySeconds =
                schedule.afterFailure(T0, BASE, 1, answer(429, Map.of("Retry-After", "10800")));
        Instant byDate =
                schedule.afterFailure(
                        T0,
                        BASE,
                        1,
                        answer(503, Map.of("Retry-After", "Wed, 21 Jan 2026 15:30:00 GMT")));

        assertThat(bySeconds).isAfterOrEqualTo(T0.plusSeconds(10800));
        assertThat(byDate).isEqualTo(Instant.parse("2026-01-21T15:30:00Z"));
    }

    @Test
    void shouldWaitForExpiresButNoLongerThanFourTimesTheBase() {
        Instant soon =
                schedule.afterSuccess(
                        T0,
                        Duration.ofMinutes(5),
                        answer(200, Map.of("Expires", "Wed, 21 Jan 2026 12:40:00 GMT")),
                        BASE);
        Instant late =
                schedule.afterSuccess(
                        T0,
                        Duration.ofMinutes(5),
                        answer(200, Map.of("Expires", "Thu, 22 Jan 2026 12:00:00 GMT")),
                        BASE);

        assertThat(soon).isEqualTo(Instant.parse("2026-01-21T12:40:00Z"));
        assertThat(late).isEqualTo(T0.plus(BASE.multipliedBy(4)));
    }
}
