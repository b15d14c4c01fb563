package io.newshound.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.newshound.alerts.Receiver;
import io.newshound.alerts.Receiver.Answer;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.Json;
import io.newshound.events.JsonSerde;
import io.newshound.events.Provenance;
import io.newshound.testkit.Claims;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook and Slack channels against a real local HTTP receiver. */
class HttpChannelsTest {
    private final Receiver receiver = newReceiver();
    private final Channels channels = new Channels(Duration.ofMillis(1_500), ZoneOffset.UTC);

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void shouldSignTheWebhookBodyAndSendTheAlertIdAsIdempotencyKey() throws Exception {
        AlertChannel hook = channels.webhook("desk", receiver.url("/hook"), "s3cret");

        hook.deliver(alert("<b>Kyiv</b> & \"Moscow\""));

        Receiver.Post post = receiver.posts("/hook").get(0);
        assertThat(post.header(WebhookChannel.SIGNATURE))
                .isEqualTo("sha256=" + hmac("s3cret", post.body()));
        assertThat(post.header(WebhookChannel.IDEMPOTENCY_KEY)).isEqualTo("new:a#0@desk");
        assertThat(JsonSerde.of(Alert.class).read(post.body()).claim().content())
                .isEqualTo("<b>Kyiv</b> & \"Moscow\"");
    }

    @Test
    void shouldTellARefusalFromAFailureWorthRetrying() {
        receiver.on("/gone", n -> Answer.status(410))
                .on("/busy", n -> new Answer(429, Map.of("Retry-After", "7"), 0))
                .on("/down", n -> Answer.status(503))
                .on("/stalls", n -> new Answer(200, Map.of(), 3_000));

        DeliveryException gone = failure(channels.webhook("a", receiver.url("/gone"), null));
        DeliveryException busy = failure(channels.webhook("b", receiver.url("/busy"), null));
        DeliveryException down = failure(channels.slack("c", receiver.url("/down")));
        DeliveryException stalls = failure(channels.webhook("d", receiver.url("/stalls"), null));

        assertThat(gone.retryable()).isFalse();
        assertThat(gone.getMessage()).startsWith("a: http://127.0.0.1:").contains("answered 410");
        assertThat(busy.retryable()).isTrue();
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(down.retryable()).isTrue();
        assertThat(down.retryAfter()).isNull();
        assertThat(stalls.retryable()).isTrue();
        assertThat(stalls.getMessage()).contains("no answer").contains("within");
    }

    @Test
    void shouldPostABlockKitMessageWithTheFeedTextEscaped() throws Exception {
        AlertChannel slack = channels.slack("ops", receiver.url("/slack"));

        slack.deliver(alert("<!channel> talks & <https://evil.example|a link>"));

        JsonNode message = Json.mapper().readTree(receiver.posts("/slack").get(0).body());
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("*New claim*  ·  witkoff");
        assertThat(blocks.get(1).at("/text/text").asText())
                .isEqualTo("> &lt;!channel&gt; talks &amp; &lt;https://evil.example|a link&gt;");
        assertThat(blocks.get(2).at("/elements/0/text").asText())
                .isEqualTo(
                        "people familiar with the matter (anonymous, via Baltic Wire)  ·  in"
                                + " <https://kyiv-ledger.example/a#0|Envoys to visit Moscow> (Kyiv"
                                + " Ledger)  ·  Jan 21 16:45  ·  now carried by 3 outlets");
        assertThat(message.get("text").asText()).doesNotContain("<!channel>");
    }

    @Test
    void shouldPostADigestAsOneMessageListingAtMostFortyClaimsEscaped() throws Exception {
        AlertChannel slack = channels.slack("ops", receiver.url("/slack"));
        List<Claim> held = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            held.add(Claims.claim("d" + i + "#0", true, List.of("witkoff"), "<!here> point " + i));
        }
        Alert digest =
                Alert.digest(
                        new Alert.Digest(
                                Instant.parse("2026-01-21T16:00:00Z"),
                                Instant.parse("2026-01-21T17:00:00Z"),
                                held,
                                60,
                                "hourly"),
                        List.of("witkoff"),
                        "desk",
                        Claims.T0);

        slack.deliver(digest);

        JsonNode blocks =
                Json.mapper().readTree(receiver.posts("/slack").get(0).body()).get("blocks");
        assertThat(blocks).hasSize(1 + 40 + 1);
        assertThat(blocks.get(0).at("/text/text").asText())
                .isEqualTo("*Hourly digest: 60 new claims*  ·  Jan 21 16:00–17:00  ·  witkoff");
        assertThat(blocks.get(1).at("/text/text").asText())
                .startsWith("> &lt;!here&gt; point 0\npeople familiar with the matter");
        assertThat(blocks.get(41).at("/elements/0/text").asText()).isEqualTo("and 20 more");
    }

    @Test
    void shouldPostWithABotTokenAndReplyToTheFirstAlertsThreadWithAReReport() throws Exception {
        receiver.on(
                "/api/chat.postMessage",
                n -> Answer.json("{\"ok\":true,\"channel\":\"C0DESK\",\"ts\":\"1700." + n + "\"}"));
        AlertChannel slack =
                channels.slackBot("ops", receiver.url("/api"), "xoxb-test-token", "C0DESK");
        Alert first = alert("Envoys land in Moscow");
        Claim repeat =
                Claims.claim("b#0", false, List.of("witkoff"), "Envoys land in Moscow")
                        .withNovelty(
                                false,
                                "a#0",
                                new Provenance(
                                        "a#0",
                                        "Kyiv Ledger",
                                        Claims.T0,
                                        List.of("Kyiv Ledger", "Baltic Wire", "Dnipro Daily")));
        Alert reReport = Alert.reReport(repeat, List.of("witkoff"), "desk", Claims.T0);

        String thread = slack.deliver(first, null);
        String reply = slack.deliver(reReport, thread);

        List<Receiver.Post> posts = receiver.posts("/api/chat.postMessage");
        assertThat(thread).isEqualTo("1700.1");
        assertThat(reply).isEqualTo("1700.2");
        assertThat(slack.threadsReReports()).isTrue();
        assertThat(reReport.firstAlertId()).isEqualTo(first.id());
        assertThat(posts)
                .allSatisfy(
                        p ->
                                assertThat(p.header("Authorization"))
                                        .isEqualTo("Bearer xoxb-test-token"));
        JsonNode top = Json.mapper().readTree(posts.get(0).body());
        JsonNode threaded = Json.mapper().readTree(posts.get(1).body());
        assertThat(top.get("channel").asText()).isEqualTo("C0DESK");
        assertThat(top.has("thread_ts")).isFalse();
        assertThat(threaded.get("thread_ts").asText()).isEqualTo("1700.1");
        assertThat(threaded.at("/blocks/0/text/text").asText()).startsWith("*Re-reported*");
        assertThat(threaded.at("/blocks/2/elements/0/text").asText())
                .endsWith("now carried by 3 outlets");
    }

    @Test
    void shouldTellASlackRefusalFromASlackHiccup() {
        receiver.on(
                        "/bad/chat.postMessage",
                        n -> Answer.json("{\"ok\":false,\"error\":\"channel_not_found\"}"))
                .on(
                        "/busy/chat.postMessage",
                        n -> Answer.json("{\"ok\":false,\"error\":\"ratelimited\"}"));

        DeliveryException refused =
                failure(channels.slackBot("ops", receiver.url("/bad"), "xoxb-t", "C0NONE"));
        DeliveryException busy =
                failure(channels.slackBot("ops", receiver.url("/busy"), "xoxb-t", "C0DESK"));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage())
                .isEqualTo("ops: Slack refused the message: channel_not_found");
        assertThat(busy.retryable()).isTrue();
    }

    private static DeliveryException failure(AlertChannel channel) {
        return catchThrowableOfType(
                DeliveryException.class, () -> channel.deliver(alert("The talks resume")));
    }

    static Alert alert(String content) {
        Claim claim =
                Claims.claim("a#0", true, List.of("witkoff"), content)
                        .withNovelty(
                                true,
                                null,
                                new Provenance(
                                        "a#0",
                                        "Kyiv Ledger",
                                        Claims.T0,
                                        List.of("Kyiv Ledger", "Baltic Wire", "Dnipro Daily")));
        return Alert.newClaim(claim, List.of("witkoff"), "desk", Claims.T0);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static Receiver newReceiver() {
        try {
            return new Receiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
