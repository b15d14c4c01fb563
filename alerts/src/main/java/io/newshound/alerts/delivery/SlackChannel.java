package io.newshound.alerts.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Posts each alert to a Slack incoming webhook as a Block Kit message: a headline with the topics,
 * the claim as a quote, and who claims it, in which article, when. Feed text is escaped for Slack's
 * markup, so an article cannot mention {@code @channel} or slip in a link.
 */
public final class SlackChannel implements AlertChannel {
    private static final int MAX_CONTENT = 2_500; // a section's text holds 3,000 characters

    private final String name;
    private final URI webhook;
    private final HttpPoster poster;
    private final AlertFormatter formatter;

    SlackChannel(String name, URI webhook, HttpPoster poster, AlertFormatter formatter) {
        this.name = name;
        this.webhook = webhook;
        this.poster = poster;
        this.formatter = formatter;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        byte[] body = message(alert).toString().getBytes(StandardCharsets.UTF_8);
        poster.post(name, webhook, body, Map.of("Content-Type", "application/json"));
    }

    /** The Block Kit message for {@code alert}. */
    ObjectNode message(Alert alert) {
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
                .append(formatter.time(alert));
        int outlets = AlertFormatter.outlets(c);
        if (outlets > 1) {
            context.append("  ·  now carried by ").append(outlets).append(" outlets");
        }
        ObjectNode contextBlock = blocks.addObject().put("type", "context");
        contextBlock
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", context.toString());
        return message;
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
