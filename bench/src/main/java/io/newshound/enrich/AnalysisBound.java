package io.newshound.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.enrich.claims.ClaimExtractor;
import io.newshound.enrich.dedup.StoryKeys;
import io.newshound.enrich.topics.LiveTopics;
import io.newshound.events.Claim;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.events.Topics;
import io.newshound.events.streams.ManagedStreams;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * For the topology benchmark only: the work enrich does on each article, with none of its state.
 * Every article is tagged with the same rules, its story keys (body words, fingerprint, sketch and
 * the probes they make) are computed, and the claims of those on a topic are extracted, but nothing
 * is looked up or stored and nothing is repartitioned: each article goes to the output as if it
 * were a new story, and its claims to the claims topic as if they were new.
 *
 * <p>Its rate is a bound on the whole topology's, whatever the design of its state: what Kafka
 * costs the pass-through, plus our own per-article code. It sits in the enrich package, in the
 * bench module, to reach the topology's processors without making them public.
 */
public final class AnalysisBound {
    /** The probes made, counted so that making them is not optimized away; the bench shows it. */
    public static final LongAdder PROBES = new LongAdder();

    private AnalysisBound() {}

    /**
     * Starts the topology as enrich would start its own: the same topics, rules and Streams
     * settings. Closing what it returns stops it.
     */
    public static AutoCloseable start(
            EnrichConfig config, KafkaSettings kafka, MeterRegistry registry) {
        TopicAdmin.ensureTopics(kafka, EnrichApp.topics(kafka));
        EnrichMetrics metrics = new EnrichMetrics();
        metrics.bindTo(registry);
        LiveTopics rules = config.liveTopics();
        ManagedStreams streams =
                ManagedStreams.start(
                        "analysis-bound",
                        build(config, kafka.topics(), metrics, rules, kafka.partitions()),
                        EnrichApp.streamsProperties(config, kafka, registry),
                        registry);
        return () -> {
            streams.close();
            rules.close();
        };
    }

    /** The topology for {@code config}, reading and writing {@code topics}. */
    static Topology build(
            EnrichConfig config,
            Topics topics,
            EnrichMetrics metrics,
            LiveTopics rules,
            int slots) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTopic<String, EnrichedArticle> enriched = topics.enriched();
        EventTopic<String, Claim> claims = topics.claims();
        KStream<String, EnrichedArticle> tagged =
                builder.stream(
                                topics.articles().name(),
                                Consumed.with(
                                        topics.articles().keySerde(),
                                        topics.articles().valueSerde()))
                        .processValues(
                                () -> new TagProcessor(rules, metrics), Named.as("tag-topics"))
                        .peek(
                                (id, article) ->
                                        PROBES.add(
                                                StoryKeys.probes(article.article(), 0, slots)
                                                        .size()),
                                Named.as("story-keys"));
        tagged.to(enriched.name(), Produced.with(enriched.keySerde(), enriched.valueSerde()));
        ClaimExtractor extractor = new ClaimExtractor();
        tagged.filter((id, article) -> EnrichTopology.wantsClaims(config, article))
                .flatMapValues(article -> EnrichTopology.claimsOrNone(extractor, article, metrics))
                .to(claims.name(), Produced.with(claims.keySerde(), claims.valueSerde()));
        return builder.build();
    }
}
