package io.newshound.enrich;

import static io.newshound.enrich.Fixtures.T0;
import static io.newshound.enrich.Fixtures.TOPICS;
import static io.newshound.enrich.Fixtures.article;
import static io.newshound.enrich.Fixtures.wireCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.enrich.topics.LiveTopics;
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

    /** More than one slot, so that an article's keys really are spread over several. */
    static final int SLOTS = 4;

    @TempDir Path stateDir;

    LiveTopics rules;

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
        if (rules != null) {
            rules.close();
        }
        rules = config.liveTopics();
        registry = new SimpleMeterRegistry();
        EnrichMetrics metrics = new EnrichMetrics();
        metrics.bindTo(registry);
        EnrichConfig withState = config.withStateDir(stateDir);
        Properties props = EnrichApp.streamsProperties(withState, KAFKA, registry);
        driver =
                new TopologyTestDriver(
                        EnrichTopology.build(withState, TEST_TOPICS, metrics, rules, SLOTS), props);
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
        rules.close();
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
    void shouldCollapseACopyWrappedInAnotherSitesBoilerplate() {
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);
        Article plain = wireCopy("x", "x", T0);
        Instant later = T0.plusSeconds(120);
        publish(
                article(
                        "mg-3",
                        "Morning Gazette",
                        "Witkoff heads to Moscow, reports say",
                        Fixtures.BOILERPLATE_HEAD
                                + "\n\n"
                                + plain.text()
                                + "\n\n"
                                + Fixtures.BOILERPLATE_TAIL,
                        later),
                later);

        List<EnrichedArticle> out = enriched.readValuesToList();

        assertThat(out.get(1).duplicateOf()).isEqualTo("bw-1");
        assertThat(out.get(1).storyId()).isEqualTo("bw-1");
        assertThat(out.get(1).duplicateKind()).isEqualTo(DuplicateKind.NEAR);
        assertThat(out.get(1).similarity()).isGreaterThan(0.8);
    }

    @Test
    void shouldCollapseALightlyEditedCopyAndKeepTheStoryForLaterCopies() {
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);
        Article plain = wireCopy("x", "x", T0);
        String edited =
                plain.text()
                        .replace("within days", "as early as next week")
                        .replace("no date for a meeting had been agreed", "no date was agreed");
        publish(
                article("np-2", "Northern Courier", "Envoy to Moscow", edited, T0.plusSeconds(60)),
                T0.plusSeconds(60));
        publish(
                article(
                        "ld-5",
                        "Lakeside Daily",
                        "Envoy trip",
                        edited + " Our correspondent adds that the embassy declined comment.",
                        T0.plusSeconds(90)),
                T0.plusSeconds(90));

        assertThat(enriched.readValuesToList())
                .extracting(
                        a -> a.article().id(),
                        EnrichedArticle::storyId,
                        EnrichedArticle::duplicateKind)
                .containsExactly(
                        tuple("bw-1", "bw-1", null),
                        tuple("np-2", "bw-1", DuplicateKind.NEAR),
                        tuple("ld-5", "bw-1", DuplicateKind.NEAR));
    }

    @Test
    void shouldKeepADifferentArticleOnTheSameEventsAsItsOwnStory() {
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);
        publish(
                article(
                        "kl-7",
                        "Kyiv Ledger",
                        "Berlin talks",
                        Fixtures.OTHER_STORY,
                        T0.plusSeconds(30)),
                T0.plusSeconds(30));

        List<EnrichedArticle> out = enriched.readValuesToList();

        assertThat(out)
                .extracting(
                        a -> a.article().id(),
                        EnrichedArticle::storyId,
                        EnrichedArticle::isDuplicate)
                .containsExactly(tuple("bw-1", "bw-1", false), tuple("kl-7", "kl-7", false));
    }

    @Test
    void shouldCollapseAnEntryRepublishedUnderAnotherUrlWithTheSameGuid() {
        Article first =
                Article.of(
                        "a-1",
                        "https://wire.example/a-1",
                        "https://wire.example/rss",
                        "Baltic Wire",
                        "urn:wire:77",
                        "Short note",
                        null,
                        T0,
                        T0,
                        "en",
                        "Talks resume on Monday.");
        Article moved =
                Article.of(
                        "a-2",
                        "https://wire.example/a-2",
                        "https://wire.example/rss",
                        "Baltic Wire",
                        "urn:wire:77",
                        "Short note, updated",
                        null,
                        T0,
                        T0,
                        "en",
                        "Talks resume on Monday in Geneva.");
        publish(first, T0);
        publish(moved, T0.plusSeconds(10));

        assertThat(enriched.readValuesToList())
                .extracting(
                        a -> a.article().id(),
                        EnrichedArticle::duplicateOf,
                        EnrichedArticle::duplicateKind)
                .containsExactly(
                        tuple("a-1", null, null), tuple("a-2", "a-1", DuplicateKind.SAME_GUID));
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
        assertThat(registry.get("newshound.claims.extraction.duration").timer().count())
                .as("articles whose claims were extracted")
                .isOne();
        assertThat(out)
                .extracting(Claim::source, Claim::sourceType, Claim::relayedBy)
                .contains(
                        tuple(
                                "two officials briefed on the trip",
                                SourceType.ANONYMOUS,
                                "Baltic Wire"));
    }

    @Test
    void shouldLetAnArticleGoOnWithoutClaimsWhenExtractionFailsOnIt() {
        EnrichMetrics metrics = new EnrichMetrics();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        metrics.bindTo(meters);

        List<Claim> none =
                EnrichTopology.claimsOrNone(
                        () -> {
                            throw new StringIndexOutOfBoundsException("begin 7, end 6");
                        },
                        "bw-1",
                        metrics);

        assertThat(none).isEmpty();
        assertThat(meters.get("newshound.claims.extraction.failures").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("newshound.claims.extraction.duration").timer().count()).isOne();
    }

    @Test
    void shouldFoldARepeatedClaimIntoTheFirstReport() {
        publish(
                article(
                        "kl-1",
                        "Kyiv Ledger",
                        "Trip planned",
                        "Officials in Kyiv expect a new round of talks on the peace plan in Geneva next week, Baltic Wire reports.",
                        T0),
                T0);
        publish(
                article(
                        "np-4",
                        "Northern Courier",
                        "Geneva again",
                        "Officials in Kyiv expect a new round of talks on the peace plan in Geneva next week, according to Baltic Wire.",
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

    /** An article with a claim, on none of the topics. */
    static Article snowWarning() {
        return article(
                "lv-1",
                "Lviv Herald",
                "Storm warning",
                "Heavy snow will reach Lviv on Friday, the regional weather service said.",
                T0);
    }

    @Test
    void shouldLeaveOutTheClaimsOfAnArticleOnNoTopic() {
        publish(snowWarning(), T0);
        publish(
                article(
                        "lv-2",
                        "Lviv Herald",
                        "Envoy expected",
                        "Steve Witkoff will visit Moscow next week, two officials said.",
                        T0.plusSeconds(60)),
                T0.plusSeconds(60));

        assertThat(claims.readValuesToList())
                .extracting(Claim::articleId, Claim::source)
                .containsExactly(tuple("lv-2", "two officials"));
    }

    @Test
    void shouldExtractTheClaimsOfEveryArticleWhenAskedForAll() {
        driver.close();
        start(EnrichConfig.of(TOPICS).withClaims(EnrichConfig.ClaimScope.ALL));

        publish(snowWarning(), T0);

        assertThat(claims.readValuesToList())
                .extracting(Claim::articleId, Claim::source, Claim::topics)
                .containsExactly(tuple("lv-1", "the regional weather service", List.of()));
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
    void shouldCollapseACopyJustInsideTheWindow() {
        driver.close();
        start(EnrichConfig.of(TOPICS).withWindows(Duration.ofHours(1), Duration.ofHours(1)));
        publish(wireCopy("bw-1", "Baltic Wire", T0), T0);
        Instant inside = T0.plus(Duration.ofMinutes(50));

        publish(wireCopy("dp-9", "Danube Post", inside), inside);

        assertThat(enriched.readValuesToList())
                .extracting(a -> a.article().id(), EnrichedArticle::duplicateOf)
                .containsExactly(tuple("bw-1", null), tuple("dp-9", "bw-1"));
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
