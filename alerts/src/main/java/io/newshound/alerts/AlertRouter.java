package io.newshound.alerts;

import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.EventTopic;
import io.newshound.events.Topics;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The routing topology: every new claim in a followed topic becomes an alert on the alerts topic.
 * Repeats are not alerted: they were folded into the first report by enrich.
 */
public final class AlertRouter {
    private AlertRouter() {}

    public static Topology build(
            AlertsConfig config, Topics topics, AlertsMetrics metrics, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTopic<String, Claim> claims = topics.claims();
        EventTopic<String, Alert> alerts = topics.alerts();
        builder.stream(
                        claims.name(),
                        Consumed.with(claims.keySerde(), claims.valueSerde())
                                .withName("claims-source"))
                .filter((key, claim) -> claim.novel(), Named.as("new-claims"))
                .mapValues(claim -> routedTopics(config, claim), Named.as("route-topics"))
                .filter((key, routed) -> !routed.topics().isEmpty(), Named.as("followed"))
                .map(
                        (key, routed) -> {
                            Alert alert =
                                    Alert.newClaim(
                                            routed.claim().withTopics(routed.topics()),
                                            clock.instant());
                            routed.topics().forEach(metrics::routed);
                            return KeyValue.pair(alert.id(), alert);
                        },
                        Named.as("make-alert"))
                .to(
                        alerts.name(),
                        Produced.with(alerts.keySerde(), alerts.valueSerde())
                                .withName("alerts-sink"));
        return builder.build();
    }

    private record Routed(Claim claim, List<String> topics) {}

    private static Routed routedTopics(AlertsConfig config, Claim claim) {
        List<String> topics =
                config.topics().isEmpty()
                        ? claim.topics()
                        : claim.topics().stream().filter(config.topics()::contains).toList();
        return new Routed(claim, topics);
    }
}
