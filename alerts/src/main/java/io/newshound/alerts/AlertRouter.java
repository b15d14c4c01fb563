package io.newshound.alerts;

import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.EventTopic;
import io.newshound.events.JsonSerde;
import io.newshound.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The routing topology: every new claim becomes one alert per subscription it passes (topics and
 * filters), keyed by subscription, on the alerts topic. Repeats were folded into the first report
 * by enrich and are not alerted again, except as a reply in the first alert's thread to channels
 * that thread (Slack with a bot token). Alerts that may be held back (digest subscriptions, rate
 * budgets) go first through the {@link Pacer}, on a topic partitioned by subscription; the rest go
 * straight out.
 */
public final class AlertRouter {
    private AlertRouter() {}

    /** How often the pacer looks for digests that are due. */
    static final Duration DIGEST_CHECK = Duration.ofSeconds(5);

    /** Routes to the subscriptions of {@code config} only. */
    public static Topology build(
            AlertsConfig config, Topics topics, AlertsMetrics metrics, Clock clock) {
        return build(
                SubscriptionView.of(config.subscriptions()),
                config.topicBudgets(),
                topics,
                metrics,
                clock);
    }

    /**
     * Routes to the subscriptions {@code subscriptions} holds when each claim comes, leaving out
     * muted subscriptions and muted topics, and holding back for digests what is beyond a budget.
     */
    public static Topology build(
            SubscriptionView subscriptions,
            Map<String, Budget> topicBudgets,
            Topics topics,
            AlertsMetrics metrics,
            Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTopic<String, Claim> claims = topics.claims();
        EventTopic<String, Alert> alerts = topics.alerts();
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(Pacer.STORE),
                        Serdes.String(),
                        JsonSerde.of(Pacing.class)));
        builder.stream(
                        claims.name(),
                        Consumed.with(claims.keySerde(), claims.valueSerde())
                                .withName("claims-source"))
                .filter(
                        (key, claim) -> claim.novel() || claim.repeatOf() != null,
                        Named.as("new-claims-and-re-reports"))
                .flatMap(
                        (key, claim) -> alerts(subscriptions, claim, metrics, clock),
                        Named.as("route-to-subscriptions"))
                .split(Named.as("pacing-"))
                .branch(
                        (id, alert) ->
                                alert.kind() == Alert.Kind.NEW_CLAIM
                                        && subscriptions
                                                .get(id)
                                                .map(
                                                        s ->
                                                                Pacer.isPaced(
                                                                        s,
                                                                        alert.topics(),
                                                                        topicBudgets))
                                                .orElse(false),
                        Branched.<String, Alert>withConsumer(
                                        paced ->
                                                paced.repartition(
                                                                Repartitioned.with(
                                                                                alerts.keySerde(),
                                                                                alerts.valueSerde())
                                                                        .withName("paced"))
                                                        .process(
                                                                () ->
                                                                        new Pacer(
                                                                                subscriptions,
                                                                                topicBudgets,
                                                                                metrics,
                                                                                clock,
                                                                                DIGEST_CHECK),
                                                                Named.as("pace"),
                                                                Pacer.STORE)
                                                        .to(
                                                                alerts.name(),
                                                                Produced.with(
                                                                                alerts.keySerde(),
                                                                                alerts.valueSerde())
                                                                        .withName(
                                                                                "paced-alerts-sink")))
                                .withName("paced"))
                .defaultBranch(
                        Branched.<String, Alert>withConsumer(
                                        instant ->
                                                instant.to(
                                                        alerts.name(),
                                                        Produced.with(
                                                                        alerts.keySerde(),
                                                                        alerts.valueSerde())
                                                                .withName("alerts-sink")))
                                .withName("instant"));
        return builder.build();
    }

    private static List<KeyValue<String, Alert>> alerts(
            SubscriptionView subscriptions, Claim claim, AlertsMetrics metrics, Clock clock) {
        List<KeyValue<String, Alert>> alerts = new ArrayList<>();
        Instant now = clock.instant();
        for (Subscription subscription : subscriptions.active(now)) {
            if (!claim.novel() && !subscription.threadsReReports()) {
                continue;
            }
            List<String> topics =
                    subscription.topicsFor(claim).stream()
                            .filter(topic -> !subscriptions.isTopicMuted(topic, now))
                            .toList();
            if (topics.isEmpty()) {
                continue;
            }
            if (claim.novel()) {
                alerts.add(
                        KeyValue.pair(
                                subscription.id(),
                                Alert.newClaim(claim, topics, subscription.id(), clock.instant())));
                topics.forEach(metrics::routed);
            } else {
                alerts.add(
                        KeyValue.pair(
                                subscription.id(),
                                Alert.reReport(claim, topics, subscription.id(), clock.instant())));
            }
        }
        return alerts;
    }
}
