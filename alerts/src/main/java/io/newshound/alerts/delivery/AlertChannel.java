package io.newshound.alerts.delivery;

import io.newshound.events.Alert;

/** A place alerts are delivered to: the console, a chat channel, a webhook, a mailbox. */
public interface AlertChannel {
    /** The channel's name in logs and metrics. */
    String name();

    /**
     * Delivers {@code alert}.
     *
     * @throws DeliveryException when the receiver did not take it
     */
    void deliver(Alert alert) throws DeliveryException;
}
