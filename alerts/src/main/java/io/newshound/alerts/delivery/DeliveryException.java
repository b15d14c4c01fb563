package io.newshound.alerts.delivery;

import java.time.Duration;

/**
 * A receiver that did not take an alert; the message says which and why. It says too whether trying
 * again may help (a timeout, a 5xx, a 429) or not (a 4xx: the same request would be refused the
 * same way), and how long the receiver asked us to wait, if it did.
 */
public final class DeliveryException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    private DeliveryException(
            String message, Throwable cause, boolean retryable, Duration retryAfter) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public DeliveryException(String message, Throwable cause) {
        this(message, cause, true, null);
    }

    /** A failure worth trying again, after {@code retryAfter} if the receiver said so (or null). */
    public static DeliveryException retryable(String message, Duration retryAfter) {
        return new DeliveryException(message, null, true, retryAfter);
    }

    /** A refusal that trying again would not change. */
    public static DeliveryException refused(String message) {
        return new DeliveryException(message, null, false, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the receiver asked us to wait before trying again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
