package io.newshound.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ops channels are alerted on and where.
 *
 * @param topics the console's topics: alert only on claims in these; empty means every claim that
 *     has a topic
 * @param console whether each alert is printed on standard output, one line each
 * @param stateDir where Kafka Streams keeps its local state; null for its default
 * @param channels the ops channels: subscriptions written in the configuration
 * @param smtp the mail server, needed by email channels
 * @param delivery retries, backoff, timeouts and circuit breaking for every receiver
 * @param apiToken the bearer token of the subscriptions API; null leaves the API off unless the
 *     environment variable {@code NEWSHOUND_API_TOKEN} holds one
 * @param topicBudgets per topic, at most so many instant alerts to each subscriber per window
 *     ({@code peace-plan: "10 per 10m"}); the rest are held for a digest sent when it closes
 */
public record AlertsConfig(
        @JsonProperty("topics") List<String> topics,
        @JsonProperty("console") Boolean console,
        @JsonProperty("state-dir") Path stateDir,
        @JsonProperty("channels") List<Subscription> channels,
        @JsonProperty("smtp") SmtpSettings smtp,
        @JsonProperty("delivery") DeliveryPolicy delivery,
        @JsonProperty("api-token") String apiToken,
        @JsonProperty("topic-budgets") Map<String, Budget> topicBudgets) {

    /**
     * @throws IllegalArgumentException when two channels share a name, or an email channel has no
     *     mail server
     */
    public AlertsConfig {
        topics = topics == null ? List.of() : List.copyOf(topics);
        console = console == null || console;
        channels = channels == null ? List.of() : List.copyOf(channels);
        delivery = delivery == null ? DeliveryPolicy.defaults() : delivery;
        apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken.strip();
        topicBudgets = topicBudgets == null ? Map.of() : Map.copyOf(topicBudgets);
        if (apiToken != null && apiToken.length() < 16) {
            throw new IllegalArgumentException(
                    "alerts.api-token: use at least 16 characters (a random one)");
        }
        Set<String> ids = new HashSet<>();
        for (Subscription s : channels) {
            if (!ids.add(s.id()) || (console && s.id().equals("console"))) {
                throw new IllegalArgumentException("alerts: two channels are named " + s.id());
            }
            if (s.channel().equals("email") && smtp == null) {
                throw new IllegalArgumentException(
                        "alerts: channel " + s.id() + " sends mail, but there is no 'smtp' server");
            }
        }
    }

    /** Every claim with a topic, printed on the console. */
    public static AlertsConfig defaults() {
        return new AlertsConfig(null, null, null, null, null, null, null, null);
    }

    public AlertsConfig withStateDir(Path dir) {
        return new AlertsConfig(
                topics, console, dir, channels, smtp, delivery, apiToken, topicBudgets);
    }

    public AlertsConfig withConsole(boolean enabled) {
        return new AlertsConfig(
                topics, enabled, stateDir, channels, smtp, delivery, apiToken, topicBudgets);
    }

    public AlertsConfig withChannels(List<Subscription> more, SmtpSettings server) {
        return new AlertsConfig(
                topics, console, stateDir, more, server, delivery, apiToken, topicBudgets);
    }

    public AlertsConfig withDelivery(DeliveryPolicy policy) {
        return new AlertsConfig(
                topics, console, stateDir, channels, smtp, policy, apiToken, topicBudgets);
    }

    public AlertsConfig withApiToken(String token) {
        return new AlertsConfig(
                topics, console, stateDir, channels, smtp, delivery, token, topicBudgets);
    }

    public AlertsConfig withTopicBudgets(Map<String, Budget> budgets) {
        return new AlertsConfig(
                topics, console, stateDir, channels, smtp, delivery, apiToken, budgets);
    }

    /** The API's token: the configured one, else {@code NEWSHOUND_API_TOKEN}; null when none. */
    public String effectiveApiToken() {
        if (apiToken != null) {
            return apiToken;
        }
        String env = System.getenv("NEWSHOUND_API_TOKEN");
        return env == null || env.isBlank() ? null : env.strip();
    }

    /** This configuration as the logs may show it: the token left out. */
    @Override
    public String toString() {
        return "AlertsConfig[topics "
                + topics
                + ", channels "
                + channels
                + ", api "
                + (apiToken == null ? "off" : "on")
                + "]";
    }

    /** The console (when on) and every configured channel. */
    public List<Subscription> subscriptions() {
        List<Subscription> all = new ArrayList<>();
        if (console) {
            all.add(Subscription.console(topics));
        }
        all.addAll(channels);
        return all;
    }

    /**
     * A mail server.
     *
     * @param host its host
     * @param port its port (default 587)
     * @param username the login, or null when it needs none
     * @param password the login's password
     * @param startTls whether STARTTLS is required (default true)
     * @param from the sender address
     * @param timeout connect, read and write timeout (default 10s)
     */
    public record SmtpSettings(
            @JsonProperty("host") String host,
            @JsonProperty("port") Integer port,
            @JsonProperty("username") String username,
            @JsonProperty("password") String password,
            @JsonProperty("starttls") Boolean startTls,
            @JsonProperty("from") String from,
            @JsonProperty("timeout") Duration timeout) {
        public SmtpSettings {
            if (host == null || host.isBlank() || from == null || from.isBlank()) {
                throw new IllegalArgumentException("alerts.smtp needs a host and a from address");
            }
            port = port == null ? 587 : port;
            startTls = startTls == null || startTls;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        @Override
        public String toString() {
            return "SmtpSettings[" + host + ":" + port + ", from " + from + "]";
        }
    }
}
