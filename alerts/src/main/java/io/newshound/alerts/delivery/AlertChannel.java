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

    /**
     * Delivers {@code alert}, as a reply under {@code thread} when the channel threads (a re-report
     * under the first alert on its claim), and returns what later alerts need of the receiver's
     * answer (the new message's thread), or null. Channels that do not thread just deliver.
     *
     * @param thread the receipt of the alert this one follows up, or null
     * @throws DeliveryException when the receiver did not take it
     */
    default String deliver(Alert alert, String thread) throws DeliveryException {
        deliver(alert);
        return null;
    }

    /** Whether re-reports of a claim go to this channel, as replies under the claim's alert. */
    default boolean threadsReReports() {
        return false;
    }
}
