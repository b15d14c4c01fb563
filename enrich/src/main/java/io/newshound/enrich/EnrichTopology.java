package io.newshound.enrich;

import io.newshound.enrich.claims.ClaimExtractor;
import io.newshound.enrich.claims.ClaimFingerprint;
import io.newshound.enrich.claims.ExtractedClaim;
import io.newshound.enrich.dedup.SeenArticle;
import io.newshound.enrich.dedup.StoryIndex;
import io.newshound.enrich.dedup.StoryKeys;
import io.newshound.enrich.dedup.StoryMessage;
import io.newshound.enrich.dedup.StoryProbe;
import io.newshound.enrich.dedup.StorySerdes;
import io.newshound.enrich.topics.LiveTopics;
import io.newshound.events.Article;
import io.newshound.events.Claim;
import io.newshound.events.DuplicateKind;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.EventTopic;
import io.newshound.events.JsonSerde;
import io.newshound.events.Provenance;
import io.newshound.events.SourceType;
import io.newshound.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich topology.
 *
 * <pre>
 * articles ─ tag-topics ─ dedup-by-id ─┬─ duplicate ──────────────────────────────────────┬─ articles.enriched
 *                                      └─ new ─┬─ probes (by slot) ─ story-index ─┐         │
 *                                              └─────────────────────────────────┴─ (by id) ─ story-decision ─┤
 *                                                                                              └─ originals ─ extract-claims
 *                                                            ─ (by claim content) ─ claim-novelty ─ claims
 * </pre>
 *
 * <p>Every duplicate decision is made where all candidates meet. The same URL: by article id, on
 * the articles topic's partitioning. The same GUID, the same body, or a near-duplicate body: each
 * article sends its keys (GUID, body fingerprint, and the bands of its shingle sketch) as probes to
 * the slots of the story index that own them, one slot per partition of the probes topic; each slot
 * answers with the earlier article it holds under those keys, and the answers meet again by article
 * id for the decision. Claims meet by content fingerprint. So no decision depends on which
 * partition each copy was published to.
 */
public final class EnrichTopology {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichTopology.class);

    static final String SEEN_IDS = "seen-article-ids";
    static final String STORY_KEYS = StoryIndex.KEYS_STORE;
    static final String STORY_SKETCHES = StoryIndex.ARTICLES_STORE;
    static final String STORY_PENDING = "story-votes";
    static final String STORY_WAITING = "story-waiting-articles";
    static final String SEEN_CLAIMS = "seen-claims";
    static final List<String> STORES =
            List.of(
                    SEEN_IDS,
                    STORY_KEYS,
                    STORY_SKETCHES,
                    STORY_PENDING,
                    STORY_WAITING,
                    SEEN_CLAIMS);

    private EnrichTopology() {}

    /**
     * Builds the topology for {@code config}, reading and writing {@code topics}, tagging with the
     * rules of {@code rules}; the story index has {@code slots} slots (the partitions of its probes
     * topic).
     */
    public static Topology build(
            EnrichConfig config,
            Topics topics,
            EnrichMetrics metrics,
            LiveTopics rules,
            int slots) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTopic<String, Article> articles = topics.articles();
        EventTopic<String, EnrichedArticle> enriched = topics.enriched();
        EventTopic<String, Claim> claims = topics.claims();
        Serde<String> keys = Serdes.String();

        builder.addStateStore(windowStore(SEEN_IDS, config.dedupWindow(), SeenArticle.class));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STORY_KEYS),
                        Serdes.String(),
                        StorySerdes.bandEntries()));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STORY_SKETCHES),
                        Serdes.String(),
                        StorySerdes.indexedArticle()));
        // Cached: an article and its answers usually meet within one commit, so the record cache
        // folds their updates and the final delete into little or nothing on the changelog.
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(STORY_PENDING),
                                Serdes.String(),
                                StorySerdes.pending())
                        .withCachingEnabled());
        // The waiting articles as the JSON they came in: read back only once, to be decided.
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(STORY_WAITING),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withCachingEnabled());
        builder.addStateStore(windowStore(SEEN_CLAIMS, config.claimWindow(), Provenance.class));

        KStream<String, EnrichedArticle> byId =
                builder.stream(
                                articles.name(),
                                Consumed.with(articles.keySerde(), articles.valueSerde())
                                        .withName("articles-source"))
                        .processValues(
                                () -> new TagProcessor(rules, metrics), Named.as("tag-topics"))
                        .processValues(
                                () ->
                                        new DuplicateProcessor(
                                                SEEN_IDS,
                                                DuplicateKind.SAME_ID,
                                                config.dedupWindow(),
                                                metrics),
                                Named.as("dedup-by-id"),
                                SEEN_IDS);

        Map<String, KStream<String, EnrichedArticle>> branches =
                byId.split(Named.as("id-"))
                        .branch((id, article) -> article.isDuplicate(), Branched.as("duplicate"))
                        .defaultBranch(Branched.as("new"));
        KStream<String, EnrichedArticle> fresh = branches.get("id-new");

        Serde<StoryProbe> probeSerde = StorySerdes.probe();
        Serde<StoryMessage> messageSerde = StorySerdes.message();
        // Each new article goes two ways: its probes to the slots of the story index, and itself
        // to its decision, where the slots' answers meet it.
        Map<String, KStream<String, StoryStep>> steps =
                fresh.process(() -> new ProbeSender(slots), Named.as("story-probes"))
                        .split(Named.as("story-"))
                        .branch((id, step) -> step.probe() != null, Branched.as("probe"))
                        .defaultBranch(Branched.as("article"));
        KStream<String, StoryMessage> answers =
                steps.get("story-probe")
                        .mapValues(StoryStep::probe, Named.as("story-probe-values"))
                        .repartition(
                                Repartitioned.with(keys, probeSerde)
                                        .withName("story-probes")
                                        .withNumberOfPartitions(slots)
                                        .withStreamPartitioner(
                                                (topic, key, probe, partitions) ->
                                                        Optional.of(
                                                                Set.of(probe.slot() % partitions))))
                        .processValues(
                                () ->
                                        new StoryProbeProcessor(
                                                config.dedupWindow(), config.storySimilarity()),
                                Named.as("story-index"),
                                STORY_KEYS,
                                STORY_SKETCHES);
        KStream<String, StoryMessage> articlesWaiting =
                steps.get("story-article")
                        .mapValues(StoryStep::article, Named.as("story-article-values"));

        // Answers and articles are repartitioned by article id each on its own, and merged only
        // then: merged before, they would join the articles source and the probes topic into one
        // sub-topology whose tasks read their own output and can wait on it for ever.
        // Both get the same number of partitions, so each article meets its answers in one task:
        // left to Kafka Streams, each would take the count of the topic upstream of it (the
        // probes' and the articles'), and an articles topic with more partitions than slots
        // would leave its articles waiting for ever.
        KStream<String, EnrichedArticle> decided =
                answers.repartition(
                                Repartitioned.with(keys, messageSerde)
                                        .withName("story-answers")
                                        .withNumberOfPartitions(slots))
                        .merge(
                                articlesWaiting.repartition(
                                        Repartitioned.with(keys, messageSerde)
                                                .withName("story-waiting")
                                                .withNumberOfPartitions(slots)),
                                Named.as("story-messages"))
                        .processValues(
                                () -> new StoryDecisionProcessor(metrics),
                                Named.as("story-decision"),
                                STORY_PENDING,
                                STORY_WAITING);

        // Articles seen before (same id) go straight out: merged into the decided stream, they
        // would join the articles source and the decisions into one sub-topology.
        branches.get("id-duplicate")
                .to(
                        enriched.name(),
                        Produced.with(enriched.keySerde(), enriched.valueSerde())
                                .withName("seen-ids-sink"));
        decided.peek(
                        (id, article) -> {
                            if (!article.isDuplicate()) {
                                metrics.newStory();
                                article.topics().forEach(t -> metrics.tagged(t.topic()));
                            }
                        },
                        Named.as("count-stories"))
                .to(
                        enriched.name(),
                        Produced.with(enriched.keySerde(), enriched.valueSerde())
                                .withName("enriched-sink"));

        ClaimExtractor extractor = new ClaimExtractor();
        decided.filter(
                        (id, article) -> !article.isDuplicate() && wantsClaims(config, article),
                        Named.as("originals"))
                .flatMapValues(
                        article -> claimsOrNone(extractor, article, metrics),
                        Named.as("extract-claims"))
                .selectKey((id, claim) -> claim.fingerprint(), Named.as("key-by-claim"))
                .repartition(
                        Repartitioned.with(keys, claims.valueSerde()).withName("claims-by-content"))
                .processValues(
                        () -> new NoveltyProcessor(SEEN_CLAIMS, config.claimWindow(), metrics),
                        Named.as("claim-novelty"),
                        SEEN_CLAIMS)
                .to(
                        claims.name(),
                        Produced.with(claims.keySerde(), claims.valueSerde())
                                .withName("claims-sink"));
        return builder.build();
    }

    /** An article's probe, or the article on its way to its decision. */
    private record StoryStep(StoryProbe probe, StoryMessage article) {}

    /** Sends an article's probes, one per slot it has keys in, and the article itself. */
    private static final class ProbeSender
            implements Processor<String, EnrichedArticle, String, StoryStep> {
        private final int slots;
        private ProcessorContext<String, StoryStep> context;

        ProbeSender(int slots) {
            this.slots = slots;
        }

        @Override
        public void init(ProcessorContext<String, StoryStep> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, EnrichedArticle> record) {
            List<StoryProbe> probes =
                    StoryKeys.probes(record.value().article(), record.timestamp(), slots);
            for (StoryProbe probe : probes) {
                context.forward(record.withValue(new StoryStep(probe, null)));
            }
            context.forward(
                    record.withValue(
                            new StoryStep(null, StoryMessage.of(record.value(), probes.size()))));
        }
    }

    /** Whether the claims of {@code article} are wanted: all, or those of articles on a topic. */
    static boolean wantsClaims(EnrichConfig config, EnrichedArticle article) {
        return config.claims() == EnrichConfig.ClaimScope.ALL || !article.topics().isEmpty();
    }

    /** The claims of {@code article}, or none when extraction fails on it. */
    static List<Claim> claimsOrNone(
            ClaimExtractor extractor, EnrichedArticle article, EnrichMetrics metrics) {
        return claimsOrNone(() -> claimsOf(extractor, article), article.article().id(), metrics);
    }

    /**
     * The claims {@code extraction} finds, timed; none when it fails on some text it did not
     * expect: one line in the log and a count, and the article goes on (it is in the enriched topic
     * already), rather than a stream thread stopped on it again at each restart.
     */
    static List<Claim> claimsOrNone(
            Supplier<List<Claim>> extraction, String articleId, EnrichMetrics metrics) {
        long start = System.nanoTime();
        try {
            return extraction.get();
        } catch (RuntimeException e) {
            metrics.claimExtractionFailed();
            LOG.warn(
                    "article {}: claim extraction failed ({}); the article goes on without claims",
                    articleId,
                    e.toString());
            return List.of();
        } finally {
            metrics.claimExtractionTook(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The claims of an article, before the novelty decision. */
    static List<Claim> claimsOf(ClaimExtractor extractor, EnrichedArticle enriched) {
        Article article = enriched.article();
        List<ExtractedClaim> found = extractor.extract(article.fullText());
        List<Claim> claims = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            ExtractedClaim c = found.get(i);
            claims.add(
                    new Claim(
                            Claim.SCHEMA_VERSION,
                            article.id() + "#" + i,
                            ClaimFingerprint.of(c.content()),
                            article.id(),
                            article.url(),
                            article.title(),
                            article.outlet(),
                            article.published(),
                            enriched.topicNames(),
                            c.source(),
                            c.sourceType(),
                            relayerOf(c, article),
                            c.cue(),
                            c.content(),
                            c.quote(),
                            c.denial(),
                            c.sourceSpan(),
                            c.cueSpan(),
                            c.contentSpan(),
                            false,
                            null,
                            null));
        }
        return claims;
    }

    /** An anonymous source with no outlet named is relayed by the outlet publishing it. */
    private static String relayerOf(ExtractedClaim claim, Article article) {
        if (claim.relayedBy() == null && claim.sourceType() == SourceType.ANONYMOUS) {
            return article.outlet();
        }
        return claim.relayedBy();
    }

    private static <V> StoreBuilder<WindowStore<String, V>> windowStore(
            String name, Duration window, Class<V> type) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, window, Duration.ofMillis(1), false),
                Serdes.String(),
                JsonSerde.of(type));
    }
}
