package io.newshound.alerts;

import static io.newshound.alerts.AlertsAppIT.send;
import static io.newshound.testkit.Claims.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.alerts.Receiver.Answer;
import io.newshound.alerts.delivery.WebhookChannel;
import io.newshound.events.Claim;
import io.newshound.events.DeadLetters;
import io.newshound.events.Json;
import io.newshound.events.KafkaSettings;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery through real receivers that fail, stall, and answer 429; the dead-letter topic; and a
 * restart that must not resend anything.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertDeliveryIT {
    @TempDir Path stateDir;

    @Test
    void shouldRetryDeadLetterAndNeverLetOneReceiverDelayAnotherOrResendAfterARestart(
            KafkaSettings kafka) throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.on("/flaky", n -> n <= 2 ? Answer.status(503) : Answer.ok())
                    .on(
                            "/busy",
                            n ->
                                    n == 1
                                            ? new Answer(429, Map.of("Retry-After", "1"), 0)
                                            : Answer.ok())
                    .on("/dead", n -> new Answer(500, Map.of(), 1_500));
            AlertsConfig config =
                    AlertsConfig.defaults()
                            .withStateDir(stateDir)
                            .withConsole(false)
                            .withChannels(
                                    List.of(
                                            hook("healthy", receiver),
                                            hook("flaky", receiver),
                                            hook("busy", receiver),
                                            hook("dead", receiver)),
                                    null)
                            .withDelivery(
                                    new DeliveryPolicy(
                                            3,
                                            Duration.ofMillis(100),
                                            Duration.ofSeconds(3),
                                            Duration.ofSeconds(1),
                                            Duration.ofSeconds(1)));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (AlertsApp alerts = new AlertsApp(config, kafka, registry, line -> {});
                    TopicReader<byte[], byte[]> dead =
                            new TopicReader<>(kafka, kafka.topics().deadLetters())) {
                alerts.start();
                Claim claim = claim("a#0", true, List.of("witkoff"), "The envoys land on Thursday");
                send(
                        kafka,
                        kafka.topics().claims().name(),
                        kafka.topics().claims().valueSerde().serializer().serialize(null, claim));

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !receiver.posts("/healthy").isEmpty());
                assertThat(receiver.posts("/dead"))
                        .as("the healthy receiver did not wait for the dead one's retries")
                        .hasSizeLessThanOrEqualTo(1);

                await().atMost(Duration.ofSeconds(60)).until(() -> !dead.records().isEmpty());
                assertThat(DeadLetters.header(dead.records().get(0).headers(), DeadLetters.REASON))
                        .startsWith("dead: no answer from http://127.0.0.1:")
                        .endsWith("(after 3 attempts)");
                // The receiver notes a post once its stall is over, after our timeout.
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(receiver.posts("/dead")).hasSize(3));

                List<Receiver.Post> flaky = receiver.posts("/flaky");
                assertThat(flaky)
                        .extracting(Receiver.Post::answered)
                        .containsExactly(503, 503, 200);
                assertThat(flaky)
                        .extracting(p -> p.header(WebhookChannel.IDEMPOTENCY_KEY))
                        .containsOnly("new:a#0@flaky");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.posts("/busy").size() == 2);
                assertThat(
                                registry.get("newshound.alerts.retries")
                                        .tag("channel", "flaky")
                                        .counter()
                                        .count())
                        .isEqualTo(2.0);
                assertThat(
                                registry.get("newshound.alerts")
                                        .tag("channel", "dead")
                                        .tag("outcome", "dead-letter")
                                        .counter()
                                        .count())
                        .isEqualTo(1.0);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> committed(kafka) == 4); // every alert finished
            }
            Map<String, Integer> before = counts(receiver);

            // A crash before the position was committed: the alerts are read again from the start.
            rewind(kafka);
            SimpleMeterRegistry again = new SimpleMeterRegistry();
            try (AlertsApp alerts = new AlertsApp(config, kafka, again, line -> {})) {
                alerts.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(kafka) == 4);
                assertThat(counts(receiver)).as("nothing sent again").isEqualTo(before);
                assertThat(
                                again
                                        .find("newshound.alerts")
                                        .tag("outcome", "skipped")
                                        .counters()
                                        .stream()
                                        .mapToDouble(c -> c.count())
                                        .sum())
                        .isEqualTo(4.0);
            }
        }
    }

    @Test
    void shouldFinishAndRecordTheDeliveryUnderWayWhenStoppedSoARestartDoesNotSendItAgain(
            KafkaSettings kafka) throws Exception {
        try (Receiver receiver = new Receiver()) {
            // The receiver takes the post at once and answers 700 ms later: the stop comes between.
            CountDownLatch arrived = new CountDownLatch(1);
            receiver.on(
                    "/slow",
                    n -> {
                        arrived.countDown();
                        return new Answer(200, Map.of(), 700);
                    });
            AlertsConfig config =
                    AlertsConfig.defaults()
                            .withStateDir(stateDir)
                            .withConsole(false)
                            .withChannels(List.of(hook("slow", receiver)), null);
            try (AlertsApp alerts =
                    new AlertsApp(config, kafka, new SimpleMeterRegistry(), line -> {})) {
                alerts.start();
                publish(kafka, claim("a#0", true, List.of("witkoff"), "The envoys land Thursday"));
                assertThat(arrived.await(60, TimeUnit.SECONDS)).isTrue();
            } // stopped while the answer is still on its way
            rewind(kafka); // whether or not its position was committed, the first alert is read
            // again

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (AlertsApp restarted = new AlertsApp(config, kafka, registry, line -> {})) {
                restarted.start();
                publish(kafka, claim("b#0", true, List.of("witkoff"), "Talks resume in Geneva"));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> receiver.posts("/slow").size() >= 2);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> count(registry, "skipped") == 1.0);
                assertThat(count(registry, "delivered")).isEqualTo(1.0);
            }
            assertThat(receiver.posts("/slow"))
                    .extracting(p -> p.header(WebhookChannel.IDEMPOTENCY_KEY))
                    .as("the alert under way at the stop was recorded, not sent again")
                    .containsExactly("new:a#0@slow", "new:b#0@slow");
        }
    }

    @Test
    void shouldReplyToTheFirstAlertsSlackThreadWithAReReportAfterARestart(KafkaSettings kafka)
            throws Exception {
        try (Receiver slackApi = new Receiver()) {
            slackApi.on(
                    "/api/chat.postMessage",
                    n -> Answer.json("{\"ok\":true,\"ts\":\"1700." + n + "\"}"));
            Subscription ops =
                    Subscription.slackBot(
                            "ops", slackApi.url("/api"), "xoxb-test-token", "C0OPS", List.of());
            AlertsConfig config =
                    AlertsConfig.defaults()
                            .withStateDir(stateDir)
                            .withConsole(false)
                            .withChannels(List.of(ops), null);
            Claim first = claim("a#0", true, List.of("witkoff"), "The envoys land on Thursday");
            try (AlertsApp alerts =
                    new AlertsApp(config, kafka, new SimpleMeterRegistry(), line -> {})) {
                alerts.start();
                publish(kafka, first);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> slackApi.posts("/api/chat.postMessage").size() == 1);
            }

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (AlertsApp restarted = new AlertsApp(config, kafka, registry, line -> {})) {
                restarted.start();
                publish(
                        kafka,
                        claim("b#0", false, List.of("witkoff"), "The envoys land on Thursday")
                                .withNovelty(false, "a#0", first.provenance()));
                // A repeat of a claim this channel was never alerted on has no thread to join.
                publish(
                        kafka,
                        claim("c#0", false, List.of("witkoff"), "Talks resume in Geneva")
                                .withNovelty(false, "z#0", first.provenance()));
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () ->
                                        slackApi.posts("/api/chat.postMessage").size() == 2
                                                && registry.find("newshound.alerts")
                                                                .tag("outcome", "unthreaded")
                                                                .counter()
                                                        != null);
            }

            List<Receiver.Post> posts = slackApi.posts("/api/chat.postMessage");
            assertThat(Json.mapper().readTree(posts.get(0).body()).has("thread_ts")).isFalse();
            JsonNode reply = Json.mapper().readTree(posts.get(1).body());
            assertThat(reply.get("thread_ts").asText())
                    .as("the first alert's ts, remembered across the restart")
                    .isEqualTo("1700.1");
            assertThat(reply.get("channel").asText()).isEqualTo("C0OPS");
        }
    }

    private static void publish(KafkaSettings kafka, Claim claim) throws Exception {
        send(
                kafka,
                kafka.topics().claims().name(),
                kafka.topics().claims().valueSerde().serializer().serialize(null, claim));
    }

    private static double count(SimpleMeterRegistry registry, String outcome) {
        return registry.find("newshound.alerts").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static Subscription hook(String name, Receiver receiver) {
        return Subscription.webhook(name, receiver.url("/" + name), "s3cret", List.of());
    }

    private static Map<String, Integer> counts(Receiver receiver) {
        return List.of("/healthy", "/flaky", "/busy", "/dead").stream()
                .collect(Collectors.toMap(p -> p, p -> receiver.posts(p).size()));
    }

    private static String group(KafkaSettings kafka) {
        return kafka.topicPrefix() + "alerts-dispatch";
    }

    /** The dispatcher's committed position, summed over the alerts topic's partitions. */
    private static long committed(KafkaSettings kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            return admin
                    .listConsumerGroupOffsets(group(kafka))
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }

    private static void rewind(KafkaSettings kafka) throws Exception {
        Properties props = kafka.clientProperties();
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group(kafka))
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest =
                    committed.keySet().stream()
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> start =
                    admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                            .collect(
                                    Collectors.toMap(
                                            Map.Entry::getKey,
                                            e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group(kafka), start).all().get(30, TimeUnit.SECONDS);
        }
    }
}
