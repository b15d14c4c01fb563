package io.newshound.alerts;

import io.newshound.alerts.delivery.AlertChannel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which lane and channel deliver a subscription's alerts. An ops channel of the configuration has a
 * lane of its own, named after it. Subscriptions made through the API share a lane per endpoint (a
 * Slack or webhook host, the mail server): thousands of subscribers need not mean thousands of
 * threads, and a circuit breaker belongs to the endpoint that fails.
 */
final class Lanes implements AutoCloseable {
    /** Where one alert goes: its lane, and the subscription's channel. */
    record Route(Lane lane, AlertChannel channel) {}

    private record Opened(Subscription subscription, AlertChannel channel) {}

    private final Function<String, Optional<Subscription>> subscriptions;
    private final Predicate<String> hasOwnLane;
    private final Function<Subscription, AlertChannel> open;
    private final DeliveryPolicy policy;
    private final AlertsMetrics metrics;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, Opened> channels = new ConcurrentHashMap<>();

    /**
     * @param subscriptions a subscription by id, as it is now
     * @param hasOwnLane whether a subscription id gets a lane of its own
     * @param open the channel of a subscription
     */
    Lanes(
            Function<String, Optional<Subscription>> subscriptions,
            Predicate<String> hasOwnLane,
            Function<Subscription, AlertChannel> open,
            DeliveryPolicy policy,
            AlertsMetrics metrics) {
        this.subscriptions = subscriptions;
        this.hasOwnLane = hasOwnLane;
        this.open = open;
        this.policy = policy;
        this.metrics = metrics;
    }

    /**
     * The route of an alert to {@code subscriptionId}; empty when there is no such subscription.
     */
    Optional<Route> route(String subscriptionId) {
        Optional<Subscription> found =
                subscriptionId == null ? Optional.empty() : subscriptions.apply(subscriptionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = found.get();
        // A subscription changed through the API (a new URL, a new secret) gets a new channel.
        Opened opened =
                channels.compute(
                        subscriptionId,
                        (id, old) ->
                                old != null && old.subscription().equals(subscription)
                                        ? old
                                        : new Opened(subscription, open.apply(subscription)));
        Lane lane =
                lanes.computeIfAbsent(
                        laneName(subscription), name -> new Lane(name, policy, metrics));
        return Optional.of(new Route(lane, opened.channel()));
    }

    /** The lane of {@code s}: its own id, or its channel and endpoint host. */
    String laneName(Subscription s) {
        if (hasOwnLane.test(s.id())) {
            return s.id();
        }
        return switch (s.channel()) {
            case "slack", "webhook" ->
                    s.channel() + ":" + s.url().getHost().toLowerCase(Locale.ROOT);
            default -> s.channel();
        };
    }

    /**
     * Stops every lane: the deliveries under way finish (all lanes at once), what is queued goes
     * again after a restart.
     */
    @Override
    public void close() {
        lanes.values().forEach(Lane::stopTaking);
        lanes.values().forEach(Lane::awaitStop);
    }
}
