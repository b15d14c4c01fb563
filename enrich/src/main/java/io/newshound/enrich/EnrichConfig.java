package io.newshound.enrich;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.newshound.enrich.topics.LiveTopics;
import io.newshound.enrich.topics.TopicRule;
import io.newshound.enrich.topics.TopicRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How enrich tags, deduplicates and decides novelty.
 *
 * @param topics topic rules written in the configuration itself; used when there is no {@code
 *     topicsFile}
 * @param topicsFile a {@code topics.yml} file, reloaded when it changes; without it and without
 *     {@code topics}, the shipped defaults apply
 * @param topicsReload how often the topics file is checked for changes
 * @param dedupWindow how long an article is remembered for duplicate and story detection
 * @param claimWindow how long a claim is remembered: a claim repeated later counts as new again
 * @param storySimilarity how much of the smaller body must be found in the other for two articles
 *     to be one story (0 to 1)
 * @param stateDir where Kafka Streams keeps its local state; null for its default
 * @param threads stream threads
 * @param claims which articles claims are extracted from: {@link ClaimScope#TAGGED} (the default)
 *     or {@link ClaimScope#ALL}
 */
public record EnrichConfig(
        @JsonProperty("topics") List<TopicRule> topics,
        @JsonProperty("topics-file") Path topicsFile,
        @JsonProperty("topics-reload") Duration topicsReload,
        @JsonProperty("dedup-window") Duration dedupWindow,
        @JsonProperty("claim-window") Duration claimWindow,
        @JsonProperty("story-similarity") Double storySimilarity,
        @JsonProperty("state-dir") Path stateDir,
        @JsonProperty("threads") Integer threads,
        @JsonProperty("claims") ClaimScope claims) {

    /** Which articles claims are extracted from. */
    public enum ClaimScope {
        /**
         * Articles with at least one topic. A claim without topics is never alerted (topics are
         * what people subscribe to), so extracting it costs the most expensive step for nothing,
         * and remembering it would make the same claim look old when it first reaches a followed
         * story.
         */
        TAGGED,
        /** Every article, for a claims topic that serves more than the alerts. */
        ALL;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static ClaimScope of(String label) {
            for (ClaimScope scope : values()) {
                if (scope.label().equalsIgnoreCase(label.strip())) {
                    return scope;
                }
            }
            throw new IllegalArgumentException(
                    "enrich.claims must be 'tagged' or 'all', not '" + label + "'");
        }
    }

    public EnrichConfig {
        topics = topics == null ? null : List.copyOf(topics);
        topicsReload = topicsReload == null ? Duration.ofSeconds(10) : topicsReload;
        dedupWindow = dedupWindow == null ? Duration.ofDays(7) : dedupWindow;
        claimWindow = claimWindow == null ? Duration.ofDays(7) : claimWindow;
        storySimilarity = storySimilarity == null ? 0.6 : storySimilarity;
        threads = threads == null ? 1 : threads;
        claims = claims == null ? ClaimScope.TAGGED : claims;
        positive(topicsReload, "enrich.topics-reload");
        positive(dedupWindow, "enrich.dedup-window");
        positive(claimWindow, "enrich.claim-window");
        if (storySimilarity <= 0 || storySimilarity > 1) {
            throw new IllegalArgumentException(
                    "enrich.story-similarity must be above 0 and at most 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("enrich.threads must be at least 1");
        }
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The defaults: the shipped topics. */
    public static EnrichConfig defaults() {
        return new EnrichConfig(null, null, null, null, null, null, null, null, null);
    }

    /** The defaults with {@code topics}. */
    public static EnrichConfig of(List<TopicRule> topics) {
        return defaults().withTopics(topics);
    }

    public EnrichConfig withTopics(List<TopicRule> rules) {
        return new EnrichConfig(
                rules,
                null,
                topicsReload,
                dedupWindow,
                claimWindow,
                storySimilarity,
                stateDir,
                threads,
                claims);
    }

    public EnrichConfig withTopicsFile(Path file, Duration reload) {
        return new EnrichConfig(
                null,
                file,
                reload,
                dedupWindow,
                claimWindow,
                storySimilarity,
                stateDir,
                threads,
                claims);
    }

    public EnrichConfig withStateDir(Path dir) {
        return new EnrichConfig(
                topics,
                topicsFile,
                topicsReload,
                dedupWindow,
                claimWindow,
                storySimilarity,
                dir,
                threads,
                claims);
    }

    public EnrichConfig withWindows(Duration dedup, Duration claim) {
        return new EnrichConfig(
                topics,
                topicsFile,
                topicsReload,
                dedup,
                claim,
                storySimilarity,
                stateDir,
                threads,
                claims);
    }

    public EnrichConfig withThreads(int count) {
        return new EnrichConfig(
                topics,
                topicsFile,
                topicsReload,
                dedupWindow,
                claimWindow,
                storySimilarity,
                stateDir,
                count,
                claims);
    }

    public EnrichConfig withClaims(ClaimScope scope) {
        return new EnrichConfig(
                topics,
                topicsFile,
                topicsReload,
                dedupWindow,
                claimWindow,
                storySimilarity,
                stateDir,
                threads,
                scope);
    }

    /**
     * The topic rules in force: the topics file (reloaded as it changes), else the rules written in
     * the configuration, else the shipped defaults.
     */
    public LiveTopics liveTopics() {
        if (topicsFile != null) {
            return LiveTopics.watching(topicsFile, topicsReload);
        }
        if (topics != null) {
            return LiveTopics.of(topics, "enrich.topics");
        }
        TopicRules.Loaded defaults = TopicRules.defaults();
        return LiveTopics.of(defaults.rules(), "the default topics");
    }
}
