package io.newshound.alerts;

import static io.newshound.testkit.Claims.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.KafkaSettings;
import io.newshound.events.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacerTest {
    static final KafkaSettings KAFKA = KafkaSettings.at("unused:9092").withTopicPrefix("test.");

    /** 10:02 UTC: inside the 10:00-10:10 window of a 10-minute budget. */
    static final Instant T = Instant.parse("2026-11-22T10:02:00Z");

    @TempDir Path stateDir;

    final MovingClock clock = new MovingClock(T);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopologyTestDriver driver;
    TestInputTopic<String, Claim> claims;
    TestOutputTopic<String, Alert> alerts;

    void start(AlertsConfig config) {
        AlertsMetrics metrics = new AlertsMetrics();
        metrics.bindTo(registry);
        Topics topics = KAFKA.topics();
        AlertsConfig withState = config.withStateDir(stateDir);
        driver =
                new TopologyTestDriver(
                        AlertRouter.build(withState, topics, metrics, clock),
                        AlertsApp.streamsProperties(withState, KAFKA, registry),
                        T);
        claims =
                driver.createInputTopic(
                        topics.claims().name(),
                        topics.claims().keySerde().serializer(),
                        topics.claims().valueSerde().serializer());
        alerts =
                driver.createOutputTopic(
                        topics.alerts().name(),
                        topics.alerts().keySerde().deserializer(),
                        topics.alerts().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    static Subscription desk(String delivery, String budget) {
        return new Subscription(
                "desk",
                "webhook",
                URI.create("https://desk.example/hook"),
                null,
                null,
                List.of("peace-plan"),
                null,
                null,
                false,
                delivery,
                budget == null ? null : Budget.parse(budget),
                null,
                null);
    }

    static AlertsConfig only(Subscription... subscriptions) {
        return AlertsConfig.defaults()
                .withConsole(false)
                .withChannels(List.of(subscriptions), null);
    }

    void claimAt(Instant at, String id) {
        clock.set(at);
        Claim c = claim(id, true, List.of("peace-plan"), "Claim " + id + " about the plan");
        claims.pipeInput(c.fingerprint(), c, at);
    }

    /** Moves the clock to {@code at} and lets the stream's wall-clock punctuation run. */
    void passTime(Instant at) {
        Duration step = Duration.between(clock.instant(), at);
        clock.set(at);
        driver.advanceWallClockTime(step);
    }

    @Test
    void shouldSendAlertsWithinTheBudgetAndFoldTheRestIntoOneDigestWhenTheWindowCloses() {
        start(only(desk(null, "2 per 10m")));

        for (int i = 1; i <= 5; i++) {
            claimAt(T.plusSeconds(i), "a" + i + "#0");
        }
        List<Alert> atOnce = alerts.readValuesToList();
        passTime(Instant.parse("2026-11-22T10:09:50Z"));
        List<Alert> beforeTheWindowCloses = alerts.readValuesToList();
        passTime(Instant.parse("2026-11-22T10:10:05Z"));
        List<Alert> afterIt = alerts.readValuesToList();

        assertThat(atOnce).extracting(Alert::id).containsExactly("new:a1#0@desk", "new:a2#0@desk");
        assertThat(beforeTheWindowCloses).isEmpty();
        assertThat(afterIt)
                .extracting(
                        Alert::id,
                        Alert::kind,
                        a -> a.digest().reason(),
                        a -> a.digest().from(),
                        a -> a.digest().to(),
                        a -> a.digest().total())
                .containsExactly(
                        tuple(
                                "digest:desk@"
                                        + Instant.parse("2026-11-22T10:10:00Z").getEpochSecond(),
                                Alert.Kind.DIGEST,
                                "budget",
                                Instant.parse("2026-11-22T10:00:00Z"),
                                Instant.parse("2026-11-22T10:10:00Z"),
                                3));
        assertThat(afterIt.get(0).digest().claims())
                .extracting(Claim::id)
                .containsExactly("a3#0", "a4#0", "a5#0");
        assertThat(registry.get("newshound.alerts.held").tag("reason", "budget").counter().count())
                .isEqualTo(3);
    }

    @Test
    void shouldStartAFreshBudgetWhenTheNextWindowOpens() {
        start(only(desk(null, "1 per 10m")));

        claimAt(T, "b1#0");
        claimAt(T.plusSeconds(60), "b2#0");
        passTime(Instant.parse("2026-11-22T10:10:05Z"));
        claimAt(Instant.parse("2026-11-22T10:11:00Z"), "b3#0");

        assertThat(alerts.readValuesToList())
                .extracting(Alert::kind, a -> a.claim().id())
                .containsExactly(
                        tuple(Alert.Kind.NEW_CLAIM, "b1#0"),
                        tuple(Alert.Kind.DIGEST, "b2#0"),
                        tuple(Alert.Kind.NEW_CLAIM, "b3#0"));
    }

    @Test
    void shouldCountATopicBudgetForEachSubscriberApart() {
        Subscription other =
                Subscription.webhook(
                        "other", URI.create("https://other.example/hook"), null, List.of());
        start(
                only(desk(null, null), other)
                        .withTopicBudgets(Map.of("peace-plan", Budget.parse("1 per 1h"))));

        claimAt(T, "c1#0");
        claimAt(T.plusSeconds(30), "c2#0");
        List<Alert> atOnce = alerts.readValuesToList();
        passTime(Instant.parse("2026-11-22T11:00:01Z"));

        assertThat(atOnce)
                .extracting(Alert::id)
                .containsExactlyInAnyOrder("new:c1#0@desk", "new:c1#0@other");
        assertThat(alerts.readValuesToList())
                .extracting(Alert::subscription, Alert::kind, a -> a.claim().id())
                .containsExactlyInAnyOrder(
                        tuple("desk", Alert.Kind.DIGEST, "c2#0"),
                        tuple("other", Alert.Kind.DIGEST, "c2#0"));
    }

    @Test
    void shouldGatherAnHourlySubscriptionIntoOneDigestPerHourAndSendNothingAtOnce() {
        start(only(desk("hourly", null)));

        claimAt(Instant.parse("2026-11-22T10:05:00Z"), "d1#0");
        claimAt(Instant.parse("2026-11-22T10:40:00Z"), "d2#0");
        List<Alert> atOnce = alerts.readValuesToList();
        passTime(Instant.parse("2026-11-22T11:00:03Z"));
        List<Alert> atEleven = alerts.readValuesToList();
        claimAt(Instant.parse("2026-11-22T11:10:00Z"), "d3#0");
        passTime(Instant.parse("2026-11-22T12:00:03Z"));
        List<Alert> atNoon = alerts.readValuesToList();
        passTime(Instant.parse("2026-11-22T13:00:03Z"));

        assertThat(atOnce).isEmpty();
        assertThat(atEleven)
                .extracting(a -> a.digest().reason(), a -> a.digest().from(), a -> a.digest().to())
                .containsExactly(
                        tuple(
                                "hourly",
                                Instant.parse("2026-11-22T10:00:00Z"),
                                Instant.parse("2026-11-22T11:00:00Z")));
        assertThat(atEleven.get(0).digest().claims())
                .extracting(Claim::id)
                .containsExactly("d1#0", "d2#0");
        assertThat(atNoon)
                .extracting(a -> a.digest().total(), a -> a.claim().id())
                .containsExactly(tuple(1, "d3#0"));
        assertThat(alerts.readValuesToList()).as("an hour without claims sends nothing").isEmpty();
    }

    @Test
    void shouldListTheFirstClaimsOfAHugeDigestAndCountTheRest() {
        start(only(desk("daily", null)));

        for (int i = 0; i < Alert.DIGEST_MAX_CLAIMS + 7; i++) {
            claimAt(T.plusSeconds(i), "e" + i + "#0");
        }
        passTime(Instant.parse("2026-11-23T00:00:04Z"));

        Alert digest = alerts.readValue();
        assertThat(digest.digest().claims()).hasSize(Alert.DIGEST_MAX_CLAIMS);
        assertThat(digest.digest().total()).isEqualTo(Alert.DIGEST_MAX_CLAIMS + 7);
        assertThat(digest.digest().omitted()).isEqualTo(7);
        assertThat(digest.digest().from()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void shouldNotHoldAlertsOfASubscriptionWithoutBudgetOrDigest() {
        start(only(desk(null, null)));

        for (int i = 1; i <= 20; i++) {
            claimAt(T.plusSeconds(i), "f" + i + "#0");
        }

        assertThat(alerts.readValuesToList()).hasSize(20).allMatch(a -> a.digest() == null);
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
