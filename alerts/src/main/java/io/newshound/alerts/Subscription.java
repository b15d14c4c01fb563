package io.newshound.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.newshound.events.Claim;
import io.newshound.events.SourceType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who wants which claims, and where: topics, optional filters, and a channel with its address. Ops
 * channels are subscriptions written in the configuration file.
 *
 * @param id unique name, letters, digits, {@code .}, {@code _} and {@code -}
 * @param channel {@code console}, {@code slack}, {@code webhook} or {@code email}
 * @param url where a Slack or webhook channel posts
 * @param secret the webhook's shared secret for its signature header
 * @param to the email channel's recipients, comma-separated
 * @param topics alert on claims in these topics; empty means every topic
 * @param sourceTypes only claims from these source types; empty means all
 * @param outlets only claims published by these outlets (case ignored); empty means all
 * @param denialsOnly only denials
 * @param delivery {@code instant} (the default): each claim as it comes; {@code hourly} or {@code
 *     daily}: one digest per hour or day (UTC), when there is something to tell
 * @param budget at most so many instant alerts per window ({@code "10 per 10m"}); the rest are held
 *     and sent as one digest when the window closes; null for no budget
 * @param token a Slack bot token: messages go through Slack's Web API ({@code chat.postMessage} at
 *     {@code url}, by default Slack's own) instead of an incoming webhook, and re-reports of a
 *     claim reply in the thread of its first alert
 * @param slackChannel the Slack channel a bot token posts to (an id such as {@code C0123ABC})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Subscription(
        @JsonProperty("id") String id,
        @JsonProperty("channel") String channel,
        @JsonProperty("url") URI url,
        @JsonProperty("secret") String secret,
        @JsonProperty("to") String to,
        @JsonProperty("topics") List<String> topics,
        @JsonProperty("source-types") List<SourceType> sourceTypes,
        @JsonProperty("outlets") List<String> outlets,
        @JsonProperty("denials-only") Boolean denialsOnly,
        @JsonProperty("delivery") String delivery,
        @JsonProperty("budget") Budget budget,
        @JsonProperty("token") String token,
        @JsonProperty("slack-channel") String slackChannel) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The channels a subscription can use. */
    public static final Set<String> CHANNELS = Set.of("console", "slack", "webhook", "email");

    /** Slack's Web API, where a bot token posts unless {@code url} says otherwise. */
    public static final URI SLACK_API = URI.create("https://slack.com/api/");

    /** How often a subscription hears: each claim, or a digest per period. */
    public static final Set<String> DELIVERIES = Set.of("instant", "hourly", "daily");

    /**
     * @throws IllegalArgumentException saying what is missing or wrong
     */
    public Subscription {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "subscription id "
                            + (id == null ? "missing" : "'" + id + "' not allowed")
                            + ": use 1-64 letters, digits, '.', '_' or '-'");
        }
        channel = channel == null ? null : channel.toLowerCase(Locale.ROOT);
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new IllegalArgumentException(
                    id + ": channel must be one of console, slack, webhook, email, not " + channel);
        }
        token = token == null || token.isBlank() ? null : token.strip();
        if (token != null && !channel.equals("slack")) {
            throw new IllegalArgumentException(id + ": only a slack channel takes a bot token");
        }
        if (token != null && (slackChannel == null || slackChannel.isBlank())) {
            throw new IllegalArgumentException(
                    id + ": a slack bot token needs the 'slack-channel' to post to");
        }
        if (token != null && url == null) {
            url = SLACK_API;
        }
        if ((channel.equals("slack") || channel.equals("webhook")) && !isHttp(url)) {
            throw new IllegalArgumentException(
                    id + ": a " + channel + " channel needs an http(s) url");
        }
        if (channel.equals("email") && (to == null || to.isBlank())) {
            throw new IllegalArgumentException(id + ": an email channel needs 'to'");
        }
        topics = topics == null ? List.of() : List.copyOf(topics);
        sourceTypes = sourceTypes == null ? List.of() : List.copyOf(sourceTypes);
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        denialsOnly = denialsOnly != null && denialsOnly;
        delivery = delivery == null ? "instant" : delivery.toLowerCase(Locale.ROOT);
        if (!DELIVERIES.contains(delivery)) {
            throw new IllegalArgumentException(
                    id + ": delivery must be instant, hourly or daily, not " + delivery);
        }
    }

    /**
     * Whether re-reports of claims it was alerted on come to it, as replies in the first alert's
     * thread: instant Slack subscriptions with a bot token.
     */
    public boolean threadsReReports() {
        return token != null && !isDigest();
    }

    /** Whether its alerts are gathered into hourly or daily digests. */
    public boolean isDigest() {
        return !delivery.equals("instant");
    }

    private static boolean isHttp(URI url) {
        return url != null
                && ("http".equalsIgnoreCase(url.getScheme())
                        || "https".equalsIgnoreCase(url.getScheme()))
                && url.getHost() != null;
    }

    /** A console subscription to {@code topics} (all when empty). */
    public static Subscription console(List<String> topics) {
        return new Subscription(
                "console", "console", null, null, null, topics, null, null, false, null, null, null,
                null);
    }

    /** A webhook subscription to {@code topics} (all when empty), signed with {@code secret}. */
    public static Subscription webhook(String id, URI url, String secret, List<String> topics) {
        return new Subscription(
                id, "webhook", url, secret, null, topics, null, null, false, null, null, null,
                null);
    }

    /**
     * A Slack subscription to {@code topics} (all when empty) posted with a bot token to {@code
     * slackChannel}, through the Web API at {@code api} (null: Slack's).
     */
    public static Subscription slackBot(
            String id, URI api, String token, String slackChannel, List<String> topics) {
        return new Subscription(
                id,
                "slack",
                api,
                null,
                null,
                topics,
                null,
                null,
                false,
                null,
                null,
                token,
                slackChannel);
    }

    /**
     * The topics under which {@code claim} is alerted to this subscription, in the claim's order;
     * empty when the claim does not pass its topics and filters. A claim without a topic is never
     * alerted: topics are what people subscribe to.
     */
    public List<String> topicsFor(Claim claim) {
        if (denialsOnly && !claim.denial()) {
            return List.of();
        }
        if (!sourceTypes.isEmpty() && !sourceTypes.contains(claim.sourceType())) {
            return List.of();
        }
        if (!outlets.isEmpty()
                && outlets.stream().noneMatch(o -> o.equalsIgnoreCase(claim.outlet()))) {
            return List.of();
        }
        return topics.isEmpty()
                ? claim.topics()
                : claim.topics().stream().filter(topics::contains).toList();
    }

    /** This subscription as the logs may show it: the secret left out. */
    @Override
    public String toString() {
        return "Subscription["
                + id
                + ", "
                + channel
                + ", topics "
                + topics
                + (isDigest() ? ", " + delivery : "")
                + (budget == null ? "" : ", budget " + budget)
                + "]";
    }
}
