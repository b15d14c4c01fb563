package io.newshound.ops;

import java.util.Objects;

/**
 * The state of one part of a service, as {@code /health} reports it.
 *
 * @param up whether the part works
 * @param detail one line for a human: what it is doing or what is wrong
 */
public record Health(boolean up, String detail) {
    public Health {
        Objects.requireNonNull(detail, "detail");
    }

    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
