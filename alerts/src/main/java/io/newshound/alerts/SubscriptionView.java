package io.newshound.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who is to be alerted now: the subscriptions not muted, and whether a topic is muted. */
public interface SubscriptionView {
    /** The subscriptions that take alerts at {@code now}, ops channels first. */
    List<Subscription> active(Instant now);

    /** Whether alerts on {@code topic} are muted at {@code now}. */
    boolean isTopicMuted(String topic, Instant now);

    /** The subscription {@code id} as it is now, muted or not. */
    Optional<Subscription> get(String id);

    /** A fixed set of subscriptions, nothing muted. */
    static SubscriptionView of(List<Subscription> subscriptions) {
        List<Subscription> fixed = List.copyOf(subscriptions);
        return new SubscriptionView() {
            @Override
            public List<Subscription> active(Instant now) {
                return fixed;
            }

            @Override
            public boolean isTopicMuted(String topic, Instant now) {
                return false;
            }

            @Override
            public Optional<Subscription> get(String id) {
                return fixed.stream().filter(s -> s.id().equals(id)).findFirst();
            }
        };
    }
}
