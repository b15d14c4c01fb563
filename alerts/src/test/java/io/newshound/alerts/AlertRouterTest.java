package io.newshound.alerts;

import static io.newshound.testkit.Claims.T0;
import static io.newshound.testkit.Claims.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.KafkaSettings;
import io.newshound.events.SourceType;
import io.newshound.events.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRouterTest {
    static final KafkaSettings KAFKA = KafkaSettings.at("unused:9092").withTopicPrefix("test.");
    static final Instant NOW = T0.plusSeconds(5);

    @TempDir Path stateDir;

    List<Alert> route(AlertsConfig config, Claim... claims) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AlertsMetrics metrics = new AlertsMetrics();
        metrics.bindTo(registry);
        Topics topics = KAFKA.topics();
        AlertsConfig withState = config.withStateDir(stateDir);
        try (TopologyTestDriver driver =
                new TopologyTestDriver(
                        AlertRouter.build(
                                withState, topics, metrics, Clock.fixed(NOW, ZoneOffset.UTC)),
                        AlertsApp.streamsProperties(withState, KAFKA, registry))) {
            TestInputTopic<String, Claim> in =
                    driver.createInputTopic(
                            topics.claims().name(),
                            topics.claims().keySerde().serializer(),
                            topics.claims().valueSerde().serializer());
            TestOutputTopic<String, Alert> out =
                    driver.createOutputTopic(
                            topics.alerts().name(),
                            topics.alerts().keySerde().deserializer(),
                            topics.alerts().valueSerde().deserializer());
            for (Claim c : claims) {
                in.pipeInput(c.fingerprint(), c);
            }
            return out.readValuesToList();
        }
    }

    @Test
    void shouldAlertOnANewClaimInAFollowedTopic() {
        List<Alert> alerts =
                route(
                        AlertsConfig.defaults(),
                        claim("a#0", true, List.of("witkoff"), "The trip is set for Thursday"));

        assertThat(alerts)
                .extracting(Alert::id, Alert::kind, Alert::topics, Alert::created)
                .containsExactly(
                        tuple("new:a#0@console", Alert.Kind.NEW_CLAIM, List.of("witkoff"), NOW));
    }

    @Test
    void shouldNotAlertOnARepeatOrAClaimWithoutTopic() {
        List<Alert> alerts =
                route(
                        AlertsConfig.defaults(),
                        claim("b#0", false, List.of("witkoff"), "The trip is set for Thursday"),
                        claim("c#0", true, List.of(), "Snow is expected in Lviv"));

        assertThat(alerts).isEmpty();
    }

    @Test
    void shouldRouteAReReportOnlyToSlackChannelsThatThreadIt() {
        Subscription bot =
                Subscription.slackBot("bot", null, "xoxb-test-token", "C0OPS", List.of());
        AlertsConfig config =
                AlertsConfig.defaults()
                        .withChannels(
                                List.of(
                                        bot,
                                        Subscription.webhook(
                                                "hook",
                                                URI.create("https://desk.example/hook"),
                                                null,
                                                List.of())),
                                null);

        List<Alert> alerts =
                route(config, claim("b#0", false, List.of("witkoff"), "The trip is set"));

        assertThat(alerts)
                .extracting(Alert::id, Alert::kind, Alert::firstAlertId)
                .containsExactly(tuple("re:b#0@bot", Alert.Kind.RE_REPORT, "new:first#0@bot"));
        assertThat(bot.url()).isEqualTo(Subscription.SLACK_API);
    }

    @Test
    void shouldKeepOnlyTheConfiguredTopics() {
        AlertsConfig donbasOnly =
                new AlertsConfig(List.of("donbas"), null, null, null, null, null, null, null);

        List<Alert> alerts =
                route(
                        donbasOnly,
                        claim(
                                "d#0",
                                true,
                                List.of("peace-plan", "donbas"),
                                "The line would be frozen"),
                        claim("e#0", true, List.of("witkoff"), "The envoy lands on Friday"));

        assertThat(alerts)
                .extracting(Alert::id, Alert::topics)
                .containsExactly(tuple("new:d#0@console", List.of("donbas")));
    }

    @Test
    void shouldMakeOneAlertPerSubscriptionThatTheClaimPassesKeyedBySubscription() {
        Subscription anonymousOnly =
                new Subscription(
                        "desk",
                        "webhook",
                        URI.create("https://desk.example/hook"),
                        "s3cret",
                        null,
                        List.of("witkoff"),
                        List.of(SourceType.ANONYMOUS),
                        null,
                        false,
                        null,
                        null,
                        null,
                        null);
        Subscription denials =
                new Subscription(
                        "denials",
                        "webhook",
                        URI.create("https://desk.example/denials"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        true,
                        null,
                        null,
                        null,
                        null);
        Subscription otherOutlet =
                new Subscription(
                        "baltic",
                        "slack",
                        URI.create("https://chat.example/hook"),
                        null,
                        null,
                        null,
                        null,
                        List.of("Baltic Wire"),
                        false,
                        null,
                        null,
                        null,
                        null);
        AlertsConfig config =
                AlertsConfig.defaults()
                        .withConsole(false)
                        .withChannels(List.of(anonymousOnly, denials, otherOutlet), null);

        List<Alert> alerts =
                route(
                        config,
                        claim("f#0", true, List.of("witkoff", "donbas"), "The envoy flies on"));

        // The claim is anonymous, no denial, published by Kyiv Ledger: only the desk gets it,
        // under the one topic it follows.
        assertThat(alerts)
                .extracting(Alert::id, Alert::subscription, Alert::topics)
                .containsExactly(tuple("new:f#0@desk", "desk", List.of("witkoff")));
    }
}
