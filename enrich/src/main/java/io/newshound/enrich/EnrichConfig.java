package io.newshound.enrich;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newshound.enrich.topics.TopicRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How enrich tags, deduplicates and decides novelty.
 *
 * @param topics the topic rules
 * @param dedupWindow how long an article is remembered for duplicate detection
 * @param claimWindow how long a claim is remembered: a claim repeated later counts as new again
 * @param stateDir where Kafka Streams keeps its local state; null for its default
 * @param threads stream threads
 */
public record EnrichConfig(
        @JsonProperty("topics") List<TopicRule> topics,
        @JsonProperty("dedup-window") Duration dedupWindow,
        @JsonProperty("claim-window") Duration claimWindow,
        @JsonProperty("state-dir") Path stateDir,
        @JsonProperty("threads") Integer threads) {

    public EnrichConfig {
        topics = topics == null ? List.of() : List.copyOf(topics);
        dedupWindow = dedupWindow == null ? Duration.ofDays(7) : dedupWindow;
        claimWindow = claimWindow == null ? Duration.ofDays(7) : claimWindow;
        threads = threads == null ? 1 : threads;
        if (dedupWindow.isNegative() || dedupWindow.isZero()) {
            throw new IllegalArgumentException("enrich.dedup-window must be positive");
        }
        if (claimWindow.isNegative() || claimWindow.isZero()) {
            throw new IllegalArgumentException("enrich.claim-window must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("enrich.threads must be at least 1");
        }
        Set<String> names = new HashSet<>();
        for (TopicRule rule : topics) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("topic " + rule.name() + " is defined twice");
            }
        }
    }

    /** The defaults with {@code topics}. */
    public static EnrichConfig of(List<TopicRule> topics) {
        return new EnrichConfig(topics, null, null, null, null);
    }

    public EnrichConfig withTopics(List<TopicRule> rules) {
        return new EnrichConfig(rules, dedupWindow, claimWindow, stateDir, threads);
    }

    public EnrichConfig withStateDir(Path dir) {
        return new EnrichConfig(topics, dedupWindow, claimWindow, dir, threads);
    }

    public EnrichConfig withWindows(Duration dedup, Duration claims) {
        return new EnrichConfig(topics, dedup, claims, stateDir, threads);
    }
}
