package io.newshound.enrich;

import io.newshound.enrich.claims.ClaimExtractor;
import io.newshound.enrich.claims.ClaimFingerprint;
import io.newshound.enrich.claims.ExtractedClaim;
import io.newshound.enrich.dedup.BodyFingerprint;
import io.newshound.enrich.dedup.SeenArticle;
import io.newshound.enrich.topics.TopicTagger;
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
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The enrich topology.
 *
 * <pre>
 * articles ─ tag-topics ─ dedup-by-id ─┬─ duplicate ───────────────────────────┬─ articles.enriched
 *                                      └─ new ─ (by body) ─ dedup-by-body ─────┤
 *                                                                              └─ originals ─ extract-claims
 *                                            ─ (by claim content) ─ claim-novelty ─ claims
 * </pre>
 *
 * <p>Every duplicate decision is made where all candidates meet: by article id on the articles
 * topic's partitioning, by body fingerprint and by claim fingerprint after repartitioning. So the
 * decision does not depend on which partition each copy was published to.
 */
public final class EnrichTopology {
    static final String SEEN_IDS = "seen-article-ids";
    static final String SEEN_BODIES = "seen-article-bodies";
    static final String SEEN_CLAIMS = "seen-claims";

    private EnrichTopology() {}

    /** Builds the topology for {@code config}, reading and writing {@code topics}. */
    public static Topology build(EnrichConfig config, Topics topics, EnrichMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTopic<String, Article> articles = topics.articles();
        EventTopic<String, EnrichedArticle> enriched = topics.enriched();
        EventTopic<String, Claim> claims = topics.claims();
        Serde<String> keys = Serdes.String();

        builder.addStateStore(windowStore(SEEN_IDS, config.dedupWindow(), SeenArticle.class));
        builder.addStateStore(windowStore(SEEN_BODIES, config.dedupWindow(), SeenArticle.class));
        builder.addStateStore(windowStore(SEEN_CLAIMS, config.claimWindow(), Provenance.class));

        TopicTagger tagger = new TopicTagger(config.topics());
        KStream<String, EnrichedArticle> byId =
                builder.stream(
                                articles.name(),
                                Consumed.with(articles.keySerde(), articles.valueSerde())
                                        .withName("articles-source"))
                        .processValues(
                                () -> new TagProcessor(tagger, metrics), Named.as("tag-topics"))
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

        KStream<String, EnrichedArticle> decided =
                branches.get("id-new")
                        .selectKey((id, article) -> bodyKey(article), Named.as("key-by-body"))
                        .repartition(
                                Repartitioned.with(keys, enriched.valueSerde())
                                        .withName("articles-by-body"))
                        .processValues(
                                () ->
                                        new DuplicateProcessor(
                                                SEEN_BODIES,
                                                DuplicateKind.SAME_BODY,
                                                config.dedupWindow(),
                                                metrics),
                                Named.as("dedup-by-body"),
                                SEEN_BODIES)
                        .selectKey(
                                (body, article) -> article.article().id(),
                                Named.as("key-by-article"))
                        .merge(branches.get("id-duplicate"), Named.as("decided"));

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
        decided.filter((id, article) -> !article.isDuplicate(), Named.as("originals"))
                .flatMapValues(article -> claimsOf(extractor, article), Named.as("extract-claims"))
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

    private static String bodyKey(EnrichedArticle article) {
        // A body too short to compare is keyed by its own id, so it never matches another.
        return BodyFingerprint.of(article.article().text()).orElse("id:" + article.article().id());
    }

    private static <V> StoreBuilder<WindowStore<String, V>> windowStore(
            String name, Duration window, Class<V> type) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, window, Duration.ofMillis(1), false),
                Serdes.String(),
                JsonSerde.of(type));
    }
}
