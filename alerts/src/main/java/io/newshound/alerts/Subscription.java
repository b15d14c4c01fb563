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
        @JsonProperty("denials-only") Boolean denialsOnly) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The channels a subscription can use. */
    public static final Set<String> CHANNELS = Set.of("console", "slack", "webhook", "email");

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
    }

    private static boolean isHttp(URI url) {
        return url != null
                && ("http".equalsIgnoreCase(url.getScheme())
                        || "https".equalsIgnoreCase(url.getScheme()))
                && url.getHost() != null;
    }

    /** A console subscription to {@code topics} (all when empty). */
    public static Subscription console(List<String> topics) {
        return new Subscription("console", "console", null, null, null, topics, null, null, false);
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
        return "Subscription[" + id + ", " + channel + ", topics " + topics + "]";
    }
}
