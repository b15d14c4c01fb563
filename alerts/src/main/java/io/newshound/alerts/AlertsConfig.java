package io.newshound.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;

/**
 * What the ops channels are alerted on and where.
 *
 * @param topics alert only on claims in these topics; empty means every claim that has a topic
 * @param console whether each alert is printed on standard output, one line each
 * @param stateDir where Kafka Streams keeps its local state; null for its default
 */
public record AlertsConfig(
        @JsonProperty("topics") List<String> topics,
        @JsonProperty("console") Boolean console,
        @JsonProperty("state-dir") Path stateDir) {

    public AlertsConfig {
        topics = topics == null ? List.of() : List.copyOf(topics);
        console = console == null || console;
    }

    /** Every claim with a topic, printed on the console. */
    public static AlertsConfig defaults() {
        return new AlertsConfig(null, null, null);
    }

    public AlertsConfig withStateDir(Path dir) {
        return new AlertsConfig(topics, console, dir);
    }

    public AlertsConfig withConsole(boolean enabled) {
        return new AlertsConfig(topics, enabled, stateDir);
    }
}
