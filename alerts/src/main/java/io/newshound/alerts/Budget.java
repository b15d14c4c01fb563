package io.newshound.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.newshound.events.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate budget: at most {@code max} alerts per {@code per}, written {@code "10 per 10m"}. Windows
 * are fixed and aligned to the epoch (10-minute windows start at :00, :10, ...); alerts beyond the
 * budget are held and sent as one digest when the window closes.
 */
public record Budget(int max, Duration per) {
    private static final Pattern TEXT =
            Pattern.compile("\\s*(\\d{1,6})\\s*(?:per|/)\\s*(\\S+)\\s*");

    /**
     * @throws IllegalArgumentException when the budget allows nothing or its window is under a
     *     second
     */
    public Budget {
        if (max < 1) {
            throw new IllegalArgumentException("a budget allows at least 1 alert, not " + max);
        }
        if (per == null || per.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a budget's window is at least 1s, not " + per);
        }
    }

    /**
     * {@code "10 per 10m"} or {@code "10/10m"}.
     *
     * @throws IllegalArgumentException saying how to write it
     */
    @JsonCreator
    public static Budget parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "budget '" + text + "': write it as N per DURATION, e.g. \"10 per 10m\"");
        }
        return new Budget(Integer.parseInt(m.group(1)), Durations.parse(m.group(2)));
    }

    /** The start of the window {@code at} falls in. */
    Instant windowStart(Instant at) {
        long size = per.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
    }

    @JsonValue
    @Override
    public String toString() {
        return max + " per " + Durations.format(per);
    }
}
