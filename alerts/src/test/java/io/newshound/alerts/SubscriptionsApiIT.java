package io.newshound.alerts;

import static io.newshound.alerts.AlertsAppIT.send;
import static io.newshound.testkit.Claims.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.Json;
import io.newshound.events.KafkaSettings;
import io.newshound.ops.AdminServer;
import io.newshound.ops.Meters;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscriptions API on two alerts instances sharing one broker: what one instance stores, the
 * other routes by; mutes and deletes take effect for new claims; everything survives a restart.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SubscriptionsApiIT {
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path stateDir;
    private final List<AutoCloseable> open = new ArrayList<>();

    record Instance(AlertsApp app, String url) {}

    private Instance start(KafkaSettings kafka, String name) {
        AlertsConfig config =
                AlertsConfig.defaults()
                        .withStateDir(stateDir.resolve(name))
                        .withConsole(false)
                        .withApiToken(TOKEN);
        AlertsApp app = new AlertsApp(config, kafka, Meters.prometheus("alerts", name), line -> {});
        open.add(app);
        app.start();
        AdminServer admin = AdminServer.start(Meters.prometheus("admin", name), "127.0.0.1", 0);
        open.add(admin);
        admin.route("/api/", app.api().orElseThrow());
        return new Instance(app, admin.url());
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }

    @Test
    void shouldShareSubscriptionsAndMutesAcrossInstancesAndRestarts(KafkaSettings kafka)
            throws Exception {
        try (Receiver receiver = new Receiver();
                TopicReader<String, Alert> alerts =
                        new TopicReader<>(kafka, kafka.topics().alerts())) {
            Instance a = start(kafka, "a");
            Instance b = start(kafka, "b");

            assertThat(call("GET", a.url() + "/api/subscriptions", null, null).statusCode())
                    .isEqualTo(401);
            assertThat(
                            call("GET", a.url() + "/api/subscriptions", "Bearer wrong", null)
                                    .statusCode())
                    .isEqualTo(401);

            HttpResponse<String> created =
                    api("POST", a, "/api/subscriptions", hook("alice", receiver, "[\"witkoff\"]"));
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(json(created).get("secret").asText()).isEqualTo("(set)");
            assertThat(
                            api("POST", a, "/api/subscriptions", hook("alice", receiver, "[]"))
                                    .statusCode())
                    .isEqualTo(409);
            HttpResponse<String> invalid =
                    api(
                            "POST",
                            a,
                            "/api/subscriptions",
                            "{\"id\":\"carol\",\"channel\":\"webhook\"}");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(json(invalid).get("error").asText())
                    .isEqualTo(
                            "not a valid subscription: carol: a webhook channel needs an http(s) url");
            assertThat(api("POST", a, "/api/subscriptions", "{not json").statusCode())
                    .isEqualTo(400);
            String digest =
                    hook("dora", receiver, "[]")
                            .replace("}", ",\"delivery\":\"hourly\",\"budget\":\"3 per 10m\"}");
            JsonNode dora = json(api("POST", a, "/api/subscriptions", digest));
            assertThat(dora.get("delivery").asText()).isEqualTo("hourly");
            assertThat(dora.get("budget").asText()).isEqualTo("3 per 10m");
            HttpResponse<String> badBudget =
                    api(
                            "POST",
                            a,
                            "/api/subscriptions",
                            digest.replace("dora", "erin").replace("3 per 10m", "often"));
            assertThat(badBudget.statusCode()).isEqualTo(400);
            assertThat(json(badBudget).get("error").asText()).contains("budget 'often'");
            assertThat(api("DELETE", a, "/api/subscriptions/dora", null).statusCode())
                    .isEqualTo(204);
            // Bob, on the other instance, takes every topic.
            assertThat(
                            api("PUT", b, "/api/subscriptions/bob", hook("bob", receiver, "[]"))
                                    .statusCode())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> {
                                assertThat(ids(api("GET", b, "/api/subscriptions", null)))
                                        .containsExactly("alice", "bob");
                                assertThat(ids(api("GET", a, "/api/subscriptions", null)))
                                        .containsExactly("alice", "bob");
                            });

            publish(kafka, claim("c1#0", true, List.of("witkoff"), "The envoy lands in Moscow"));
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    receiver.posts("/alice").size() == 1
                                            && receiver.posts("/bob").size() == 1);

            // Muting a topic through one instance silences it on both.
            assertThat(api("PUT", b, "/api/topics/witkoff/mute", "{\"for\":\"1h\"}").statusCode())
                    .isEqualTo(200);
            awaitMutes(a, 1);
            publish(
                    kafka,
                    claim(
                            "c2#0",
                            true,
                            List.of("witkoff", "donbas"),
                            "Talks on the Donbas resume"));
            assertThat(alertsFor(alerts, "c2#0")).containsExactly("bob");
            assertThat(api("DELETE", a, "/api/topics/witkoff/mute", null).statusCode())
                    .isEqualTo(204);

            // A muted subscriber gets nothing; the others go on.
            assertThat(api("PUT", a, "/api/subscriptions/alice/mute", null).statusCode())
                    .isEqualTo(200);
            awaitMutes(b, 1);
            publish(kafka, claim("c3#0", true, List.of("witkoff"), "The envoy leaves Moscow"));
            assertThat(alertsFor(alerts, "c3#0")).containsExactly("bob");
            assertThat(
                            json(api("GET", b, "/api/subscriptions/alice", null))
                                    .get("muted")
                                    .asBoolean())
                    .isTrue();

            // Unmuted, alice is back; deleted, bob is gone.
            assertThat(api("DELETE", b, "/api/subscriptions/alice/mute", null).statusCode())
                    .isEqualTo(204);
            assertThat(api("DELETE", a, "/api/subscriptions/bob", null).statusCode())
                    .isEqualTo(204);
            assertThat(api("DELETE", a, "/api/subscriptions/bob", null).statusCode())
                    .isEqualTo(404);
            awaitMutes(a, 0);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () ->
                                    assertThat(ids(api("GET", b, "/api/subscriptions", null)))
                                            .containsExactly("alice"));
            publish(kafka, claim("c4#0", true, List.of("witkoff"), "A second round is planned"));
            assertThat(alertsFor(alerts, "c4#0")).containsExactly("alice");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.posts("/alice").size() == 2);

            // A snooze and the subscriptions outlive both instances.
            assertThat(
                            api(
                                            "PUT",
                                            a,
                                            "/api/topics/donbas/mute",
                                            "{\"until\":\"2999-01-01T00:00:00Z\"}")
                                    .statusCode())
                    .isEqualTo(200);
            close();
            Instance c = start(kafka, "c");
            assertThat(ids(api("GET", c, "/api/subscriptions", null))).containsExactly("alice");
            JsonNode mutes = json(api("GET", c, "/api/mutes", null));
            assertThat(mutes).hasSize(1);
            assertThat(mutes.get(0).get("name").asText()).isEqualTo("donbas");
            assertThat(mutes.get(0).get("until").asText()).isEqualTo("2999-01-01T00:00:00Z");
        }
    }

    private static String hook(String id, Receiver receiver, String topics) {
        return "{\"id\":\""
                + id
                + "\",\"channel\":\"webhook\",\"url\":\""
                + receiver.url("/" + id)
                + "\",\"secret\":\"s3cret-"
                + id
                + "\",\"topics\":"
                + topics
                + "}";
    }

    private static void publish(KafkaSettings kafka, Claim claim) throws Exception {
        send(
                kafka,
                kafka.topics().claims().name(),
                kafka.topics().claims().valueSerde().serializer().serialize(null, claim));
    }

    /**
     * The subscriptions alerted on {@code claimId}. The router writes every alert of a claim in one
     * transaction, so once one is there, all are.
     */
    private static List<String> alertsFor(TopicReader<String, Alert> alerts, String claimId) {
        List<String> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            alerts.pollFor(Duration.ofMillis(200));
                            found.clear();
                            alerts.values().stream()
                                    .filter(alert -> alert.claim().id().equals(claimId))
                                    .forEach(alert -> found.add(alert.subscription()));
                            return !found.isEmpty();
                        });
        return found;
    }

    private void awaitMutes(Instance instance, int count) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(json(api("GET", instance, "/api/mutes", null)))
                                        .hasSize(count));
    }

    private static List<String> ids(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static HttpResponse<String> api(String method, Instance on, String path, String body)
            throws Exception {
        return call(method, on.url() + path, "Bearer " + TOKEN, body);
    }

    private static HttpResponse<String> call(String method, String url, String auth, String body)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
