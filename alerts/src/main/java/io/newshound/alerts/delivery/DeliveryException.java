package io.newshound.alerts.delivery;

/** A receiver that did not take an alert; the message says which and why. */
public final class DeliveryException extends Exception {
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
