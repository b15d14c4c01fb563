package io.newshound.alerts;

import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.EventTopic;
import io.newshound.events.Topics;
import java.time.Clock;
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

    public static Topology build(
            AlertsConfig config, Topics topics, AlertsMetrics metrics, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTopic<String, Claim> claims = topics.claims();
        EventTopic<String, Alert> alerts = topics.alerts();
        List<Subscription> subscriptions = config.subscriptions();
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
            List<Subscription> subscriptions, Claim claim, AlertsMetrics metrics, Clock clock) {
        List<KeyValue<String, Alert>> alerts = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            List<String> topics = subscription.topicsFor(claim);
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
