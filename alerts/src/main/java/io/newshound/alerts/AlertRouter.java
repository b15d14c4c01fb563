package io.newshound.alerts;

import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.EventTopic;
import io.newshound.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The routing topology: every new claim becomes one alert per subscription it passes (topics and
 * filters), keyed by subscription, on the alerts topic. Repeats are not alerted: they were folded
 * into the first report by enrich.
 */
public final class AlertRouter {
    private AlertRouter() {}

    /** Routes to the subscriptions of {@code config} only. */
    public static Topology build(
            AlertsConfig config, Topics topics, AlertsMetrics metrics, Clock clock) {
        return build(SubscriptionView.of(config.subscriptions()), topics, metrics, clock);
    }

    /**
     * Routes to the subscriptions {@code subscriptions} holds when each claim comes, leaving out
     * muted subscriptions and muted topics.
     */
    public static Topology build(
            SubscriptionView subscriptions, Topics topics, AlertsMetrics metrics, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTopic<String, Claim> claims = topics.claims();
        EventTopic<String, Alert> alerts = topics.alerts();
        builder.stream(
                        claims.name(),
                        Consumed.with(claims.keySerde(), claims.valueSerde())
                                .withName("claims-source"))
                .filter((key, claim) -> claim.novel(), Named.as("new-claims"))
                .flatMap(
                        (key, claim) -> alerts(subscriptions, claim, metrics, clock),
                        Named.as("route-to-subscriptions"))
                .to(
                        alerts.name(),
                        Produced.with(alerts.keySerde(), alerts.valueSerde())
                                .withName("alerts-sink"));
        return builder.build();
    }

    private static List<KeyValue<String, Alert>> alerts(
            SubscriptionView subscriptions, Claim claim, AlertsMetrics metrics, Clock clock) {
        List<KeyValue<String, Alert>> alerts = new ArrayList<>();
        Instant now = clock.instant();
        for (Subscription subscription : subscriptions.active(now)) {
            List<String> topics =
                    subscription.topicsFor(claim).stream()
                            .filter(topic -> !subscriptions.isTopicMuted(topic, now))
                            .toList();
            if (!topics.isEmpty()) {
                alerts.add(
                        KeyValue.pair(
                                subscription.id(),
                                Alert.newClaim(claim, topics, subscription.id(), clock.instant())));
                topics.forEach(metrics::routed);
            }
        }
        return alerts;
    }
}
