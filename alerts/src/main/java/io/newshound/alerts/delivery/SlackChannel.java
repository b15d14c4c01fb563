package io.newshound.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Posts each alert to a Slack incoming webhook as a Block Kit message: a headline with the topics,
 * the claim as a quote, and who claims it, in which article, when. Feed text is escaped for Slack's
 * markup, so an article cannot mention {@code @channel} or slip in a link. With a bot token the
 * message goes through the Web API instead of an incoming webhook, and a re-report of a claim
 * replies in the thread of the claim's first alert. A digest lists its claims the same way, one
 * section each.
 */
public final class SlackChannel implements AlertChannel {
    private static final int MAX_CONTENT = 2_500; // a section's text holds 3,000 characters
    private static final int MAX_DIGEST_CONTENT = 400;
    static final int MAX_DIGEST_CLAIMS = 40; // a message holds 50 blocks

    /** Web API errors worth trying again; the others (a bad token, no such channel) are not. */
    private static final Set<String> RETRYABLE_ERRORS =
            Set.of(
                    "ratelimited",
                    "service_unavailable",
                    "internal_error",
                    "fatal_error",
                    "request_timeout");

    private final String name;
    private final URI webhook;
    private final HttpPoster poster;
    private final AlertFormatter formatter;
    private final String token;
    private final String channel;

    /**
     * @param webhook the incoming webhook; with a bot token, the Web API's base URL
     * @param token a bot token, or null to post to an incoming webhook
     * @param channel the channel a bot token posts to
     */
    SlackChannel(
            String name,
            URI webhook,
            HttpPoster poster,
            AlertFormatter formatter,
            String token,
            String channel) {
        this.name = name;
        this.webhook = webhook;
        this.poster = poster;
        this.formatter = formatter;
        this.token = token;
        this.channel = channel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        deliver(alert, null);
    }

    /**
     * Posts {@code alert}; with a bot token through {@code chat.postMessage}, as a reply under
     * {@code thread} when given, and returns the message's timestamp (its thread for later
     * replies).
     */
    @Override
    public String deliver(Alert alert, String thread) throws DeliveryException {
        ObjectNode message = message(alert);
        if (token == null) {
            byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
            poster.post(name, webhook, body, Map.of("Content-Type", "application/json"));
            return null;
        }
        message.put("channel", channel).put("unfurl_links", false).put("unfurl_media", false);
        if (thread != null) {
            message.put("thread_ts", thread);
        }
        String answer =
                poster.post(
                        name,
                        webhook.resolve("chat.postMessage"),
                        message.toString().getBytes(StandardCharsets.UTF_8),
                        Map.of(
                                "Content-Type",
                                "application/json; charset=utf-8",
                                "Authorization",
                                "Bearer " + token));
        return timestamp(answer);
    }

    /** The posted message's {@code ts} from Slack's answer, which says ok or why not. */
    private String timestamp(String answer) throws DeliveryException {
        JsonNode json;
        try {
            json = Json.mapper().readTree(answer);
        } catch (IOException e) {
            throw DeliveryException.retryable(name + ": Slack's answer is not JSON", null);
        }
        if (json.path("ok").asBoolean(false) && json.hasNonNull("ts")) {
            return json.get("ts").asText();
        }
        String error = json.path("error").asText("no error given");
        if (RETRYABLE_ERRORS.contains(error)) {
            throw DeliveryException.retryable(name + ": Slack answered " + error, null);
        }
        throw DeliveryException.refused(name + ": Slack refused the message: " + error);
    }

    @Override
    public boolean threadsReReports() {
        return token != null;
    }

    /** The Block Kit message for {@code alert}. */
    ObjectNode message(Alert alert) {
        if (alert.digest() != null) {
            return digest(alert);
        }
        Claim c = alert.claim();
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("text", escape(formatter.line(alert))); // notifications, old clients
        ArrayNode blocks = message.putArray("blocks");
        section(
                blocks,
                "*"
                        + formatter.headline(alert)
                        + "*  ·  "
                        + escape(String.join(", ", alert.topics())));
        section(blocks, "> " + escape(formatter.content(c, MAX_CONTENT)));
        ObjectNode contextBlock = blocks.addObject().put("type", "context");
        contextBlock.putArray("elements").addObject().put("type", "mrkdwn").put("text", context(c));
        return message;
    }

    /**
     * A digest: a headline with the period and topics, then each claim as a quote with who claims
     * it and where; Slack takes 50 blocks, so the list stops at {@link #MAX_DIGEST_CLAIMS}.
     */
    private ObjectNode digest(Alert alert) {
        Alert.Digest d = alert.digest();
        ObjectNode message = Json.mapper().createObjectNode();
        message.put(
                "text",
                escape(formatter.headline(alert) + ", " + formatter.period(d))); // notifications
        ArrayNode blocks = message.putArray("blocks");
        section(
                blocks,
                "*"
                        + escape(formatter.headline(alert))
                        + "*  ·  "
                        + escape(formatter.period(d))
                        + "  ·  "
                        + escape(String.join(", ", alert.topics())));
        int listed = Math.min(d.claims().size(), MAX_DIGEST_CLAIMS);
        for (Claim c : d.claims().subList(0, listed)) {
            section(
                    blocks,
                    (c.denial() ? "*Denial*  " : "")
                            + "> "
                            + escape(formatter.content(c, MAX_DIGEST_CONTENT))
                            + "\n"
                            + context(c));
        }
        int more = d.total() - listed;
        if (more > 0) {
            blocks.addObject()
                    .put("type", "context")
                    .putArray("elements")
                    .addObject()
                    .put("type", "mrkdwn")
                    .put("text", "and " + more + " more");
        }
        return message;
    }

    /** Who claims it, in which article (linked), when, and how many outlets carry it. */
    private String context(Claim c) {
        StringBuilder context = new StringBuilder(escape(formatter.who(c))).append("  ·  in ");
        String link = AlertFormatter.link(c);
        String title = c.articleTitle().isBlank() ? c.outlet() : c.articleTitle();
        if (link != null) {
            context.append('<')
                    .append(escape(link).replace("|", "%7C"))
                    .append('|')
                    .append(escape(AlertFormatter.oneLine(title)))
                    .append('>');
        } else {
            context.append(escape(AlertFormatter.oneLine(title)));
        }
        context.append(" (")
                .append(escape(AlertFormatter.oneLine(c.outlet())))
                .append(")  ·  ")
                .append(formatter.time(c));
        int outlets = AlertFormatter.outlets(c);
        if (outlets > 1) {
            context.append("  ·  now carried by ").append(outlets).append(" outlets");
        }
        return context.toString();
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", mrkdwn);
    }

    /** Slack's markup escapes: the three characters its control sequences are made of. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
