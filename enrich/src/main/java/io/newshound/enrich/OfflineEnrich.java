package io.newshound.enrich;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.enrich.topics.LiveTopics;
import io.newshound.events.Article;
import io.newshound.events.Claim;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.KafkaSettings;
import io.newshound.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The enrich topology run offline, without a broker, on articles given one by one: what {@code
 * newshound dedup} and {@code newshound analyze} use, so that their decisions are made by the same
 * code as the stream's. State lives in a temporary folder, deleted on close.
 */
public final class OfflineEnrich implements AutoCloseable {
    private static final KafkaSettings KAFKA =
            KafkaSettings.at("offline:9092").withTopicPrefix("offline.").withPartitions(1);

    /** An article as enrich decided it, and the claims it brought. */
    public record Result(EnrichedArticle article, List<Claim> claims) {}

    private final Path stateDir;
    private final LiveTopics rules;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Article> in;
    private final TestOutputTopic<String, EnrichedArticle> enriched;
    private final TestOutputTopic<String, Claim> claims;

    public OfflineEnrich(EnrichConfig config) {
        try {
            this.stateDir = Files.createTempDirectory("newshound-offline-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
        EnrichConfig withState = config.withStateDir(stateDir);
        this.rules = withState.liveTopics();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EnrichMetrics metrics = new EnrichMetrics();
        metrics.bindTo(registry);
        Topics topics = KAFKA.topics();
        Properties props = EnrichApp.streamsProperties(withState, KAFKA, registry);
        this.driver =
                new TopologyTestDriver(
                        EnrichTopology.build(withState, topics, metrics, rules, 1), props);
        this.in =
                driver.createInputTopic(
                        topics.articles().name(),
                        topics.articles().keySerde().serializer(),
                        topics.articles().valueSerde().serializer());
        this.enriched =
                driver.createOutputTopic(
                        topics.enriched().name(),
                        topics.enriched().keySerde().deserializer(),
                        topics.enriched().valueSerde().deserializer());
        this.claims =
                driver.createOutputTopic(
                        topics.claims().name(),
                        topics.claims().keySerde().deserializer(),
                        topics.claims().valueSerde().deserializer());
    }

    /** Topic rules that were left out, one line each. */
    public List<String> ruleErrors() {
        return rules.current().errors();
    }

    /** Enriches {@code article}, arriving at {@code at}. */
    public Result process(Article article, Instant at) {
        in.pipeInput(new TestRecord<>(article.id(), article, at));
        List<EnrichedArticle> decided = enriched.readValuesToList();
        if (decided.size() != 1) {
            throw new IllegalStateException(
                    "expected one decision for " + article.id() + ", got " + decided.size());
        }
        List<Claim> found = new ArrayList<>(claims.readValuesToList());
        found.sort(Comparator.comparingInt(c -> c.contentSpan().start()));
        return new Result(decided.get(0), found);
    }

    @Override
    public void close() {
        driver.close();
        rules.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leaving a temporary folder behind is not worth failing the command for.
        }
    }
}
