package io.newshound.enrich;

import static io.newshound.enrich.Fixtures.T0;
import static io.newshound.enrich.Fixtures.TOPICS;
import static io.newshound.enrich.Fixtures.article;
import static io.newshound.enrich.Fixtures.wireCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Article;
import io.newshound.events.Claim;
import io.newshound.events.DuplicateKind;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.KafkaSettings;
import io.newshound.events.SourceType;
import io.newshound.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
    static final KafkaSettings KAFKA = KafkaSettings.at("unused:9092").withTopicPrefix("test.");
    static final Topics TEST_TOPICS = KAFKA.topics();

    @TempDir Path stateDir;

    SimpleMeterRegistry registry;
    TopologyTestDriver driver;
    TestInputTopic<String, Article> articles;
    TestOutputTopic<String, EnrichedArticle> enriched;
    TestOutputTopic<String, Claim> claims;

    @BeforeEach
    void setUp() {
        start(EnrichConfig.of(TOPICS));
    }

    void start(EnrichConfig config) {
        registry = new SimpleMeterRegistry();
        EnrichMetrics metrics = new EnrichMetrics();
        metrics.bindTo(registry);
        EnrichConfig withState = config.withStateDir(stateDir);
        Properties props = EnrichApp.streamsProperties(withState, KAFKA, registry);
        driver =
                new TopologyTestDriver(
                        EnrichTopology.build(withState, TEST_TOPICS, metrics), props);
        articles =
                driver.createInputTopic(
                        TEST_TOPICS.articles().name(),
                        TEST_TOPICS.articles().keySerde().serializer(),
                        TEST_TOPICS.articles().valueSerde().serializer());
        enriched =
                driver.createOutputTopic(
                        TEST_TOPICS.enriched().name(),
                        TEST_TOPICS.enriched().keySerde().deserializer(),
                        TEST_TOPICS.enriched().valueSerde().deserializer());
        claims =
                driver.createOutputTopic(
                        TEST_TOPICS.claims().name(),
                        TEST_TOPICS.claims().keySerde().deserializer(),
                        TEST_TOPICS.claims().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    void publish(Article article, Instant at) {
        articles.pipeInput(new TestRecord<>(article.id(), article, at));
    }

    @Test
    void shouldTagAnArticleWithItsTopicsAndTheTermsThatMatched() {
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);

        EnrichedArticle out = enriched.readValue();

        assertThat(out.topics())
                .extracting(t -> t.topic(), t -> t.terms())
                .containsExactly(
                        tuple("peace-plan", List.of("peace plan")),
                        tuple("witkoff", List.of("Witkoff")),
                        tuple("donbas", List.of("Donbas")));
        assertThat(out.isDuplicate()).isFalse();
        assertThat(out.storyId()).isEqualTo("bw-1");
    }

    @Test
    void shouldCollapseSyndicatedCopyIntoOneStory() {
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);
        publish(wireCopy("dp-9", "Danube Post", T0.plusSeconds(60)), T0.plusSeconds(60));

        List<EnrichedArticle> out = enriched.readValuesToList();

        assertThat(out)
                .extracting(
                        a -> a.article().id(),
                        EnrichedArticle::storyId,
                        EnrichedArticle::duplicateOf,
                        EnrichedArticle::duplicateKind)
                .containsExactly(
                        tuple("bw-1", "bw-1", null, null),
                        tuple("dp-9", "bw-1", "bw-1", DuplicateKind.SAME_BODY));
    }

    @Test
    void shouldMarkTheSameArticleSeenTwiceAsADuplicateOfItself() {
        Article first = wireCopy("bw-1", "Baltic Wire", T0);
        publish(first, T0);
        publish(first, T0.plusSeconds(300));

        assertThat(enriched.readValuesToList())
                .extracting(EnrichedArticle::duplicateKind)
                .containsExactly(null, DuplicateKind.SAME_ID);
    }

    @Test
    void shouldExtractClaimsOnlyFromTheFirstCopy() {
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);
        publish(wireCopy("dp-9", "Danube Post", T0.plusSeconds(60)), T0.plusSeconds(60));

        List<Claim> out = claims.readValuesToList();

        assertThat(out).isNotEmpty().extracting(Claim::articleId).containsOnly("bw-1");
        assertThat(out).allSatisfy(c -> assertThat(c.novel()).isTrue());
        assertThat(out)
                .extracting(Claim::source, Claim::sourceType, Claim::relayedBy)
                .contains(
                        tuple(
                                "two officials briefed on the trip",
                                SourceType.ANONYMOUS,
                                "Baltic Wire"));
    }

    @Test
    void shouldFoldARepeatedClaimIntoTheFirstReport() {
        publish(
                article(
                        "kl-1",
                        "Kyiv Ledger",
                        "Trip planned",
                        "Officials in Kyiv expect a new round of talks in Geneva next week, Baltic Wire reports.",
                        T0),
                T0);
        publish(
                article(
                        "np-4",
                        "Northern Courier",
                        "Geneva again",
                        "Officials in Kyiv expect a new round of talks in Geneva next week, according to Baltic Wire.",
                        T0.plusSeconds(600)),
                T0.plusSeconds(600));

        List<Claim> out = claims.readValuesToList();

        assertThat(out)
                .extracting(Claim::articleId, Claim::novel, Claim::repeatOf)
                .containsExactly(tuple("kl-1", true, null), tuple("np-4", false, "kl-1#0"));
        assertThat(out.get(1).provenance().firstReportedBy()).isEqualTo("Kyiv Ledger");
        assertThat(out.get(1).provenance().outlets())
                .containsExactly("Kyiv Ledger", "Northern Courier");
    }

    @Test
    void shouldTreatACopyAfterTheWindowAsANewStory() {
        driver.close();
        start(EnrichConfig.of(TOPICS).withWindows(Duration.ofHours(1), Duration.ofHours(1)));
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);
        // Moves stream time on so that the first article's segment expires.
        publish(
                article(
                        "x-1",
                        "Other",
                        "Unrelated",
                        "Weather news about rain in Lviv and snow.",
                        T0.plus(Duration.ofHours(3))),
                T0.plus(Duration.ofHours(3)));

        publish(
                wireCopy("dp-9", "Danube Post", T0.plus(Duration.ofHours(3))),
                T0.plus(Duration.ofHours(3)));

        assertThat(enriched.readValuesToList())
                .extracting(a -> a.article().id(), EnrichedArticle::isDuplicate)
                .containsExactly(tuple("bw-1", false), tuple("x-1", false), tuple("dp-9", false));
    }

    @Test
    void shouldCountARecordThatIsNotJsonAndGoOn() {
        TestInputTopic<byte[], byte[]> raw =
                driver.createInputTopic(
                        TEST_TOPICS.articles().name(),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());

        raw.pipeInput(
                "k".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);

        assertThat(enriched.readValue().article().id()).isEqualTo("bw-1");
        assertThat(
                        registry.get("newshound.deadletters")
                                .tag("topic", "test.articles")
                                .counter()
                                .count())
                .isEqualTo(1.0);
    }
}
