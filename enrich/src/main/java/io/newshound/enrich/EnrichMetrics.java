package io.newshound.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.newshound.enrich.topics.LiveTopics;
import io.newshound.events.DuplicateKind;
import io.newshound.events.SourceType;
import io.newshound.events.streams.ManagedStreams;
import java.time.Duration;
import java.util.List;

/**
 * Enrich's meters: articles in by outcome, duplicates by kind, tags per topic, tagging time, claims
 * by novelty and source type, claim extraction time and failures, rules in force, store sizes.
 */
public final class EnrichMetrics implements MeterBinder {
    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    void articleIn() {
        counter("newshound.enrich.articles", "Articles read by enrich").increment();
    }

    void duplicate(DuplicateKind kind) {
        Counter.builder("newshound.enrich.duplicates")
                .description("Articles judged duplicates of an earlier one, by kind")
                .tag("kind", kind.label())
                .register(registry())
                .increment();
    }

    void newStory() {
        counter("newshound.enrich.stories", "Articles that started a new story").increment();
    }

    void tagged(String topic) {
        Counter.builder("newshound.enrich.tags")
                .description("Articles tagged, by topic")
                .tag("topic", topic)
                .register(registry())
                .increment();
    }

    void taggingTook(Duration took) {
        Timer.builder("newshound.enrich.tagging.duration")
                .description("Time to evaluate every topic rule against one article")
                .register(registry())
                .record(took);
    }

    void claim(boolean novel, SourceType type) {
        Counter.builder("newshound.claims")
                .description("Claims extracted, by novelty and source type")
                .tag("novelty", novel ? "new" : "repeat")
                .tag("source_type", type.label())
                .register(registry())
                .increment();
    }

    void claimExtractionTook(Duration took) {
        Timer.builder("newshound.claims.extraction.duration")
                .description("Time to extract the claims of one article")
                .register(registry())
                .record(took);
    }

    void claimExtractionFailed() {
        counter(
                        "newshound.claims.extraction.failures",
                        "Articles whose claim extraction failed; they went on without claims")
                .increment();
    }

    /** Gauges of the topic rules in force and of the rules left out. */
    void rules(LiveTopics topics) {
        Gauge.builder("newshound.enrich.topic.rules", topics, t -> t.current().topics().size())
                .description("Topic rules in force")
                .register(registry());
        Gauge.builder(
                        "newshound.enrich.topic.rule.errors",
                        topics,
                        t -> t.current().errors().size())
                .description("Topic rules left out because they do not parse")
                .register(registry());
    }

    /**
     * Gauges of the size of each of {@code stores} on this instance, read from RocksDB's own
     * estimates: entries (keys, summed over the window's segments) and bytes (files on disk plus
     * memtables).
     */
    void stores(List<String> stores, ManagedStreams streams) {
        for (String store : stores) {
            Gauge.builder(
                            "newshound.enrich.store.entries",
                            streams,
                            s -> s.storeMetric(store, "estimate-num-keys"))
                    .description("Entries in a state store on this instance (RocksDB's estimate)")
                    .tag("store", store)
                    .register(registry());
            Gauge.builder(
                            "newshound.enrich.store.bytes",
                            streams,
                            s ->
                                    s.storeMetric(store, "total-sst-files-size")
                                            + s.storeMetric(store, "size-all-mem-tables"))
                    .description("Bytes of a state store on this instance: files and memtables")
                    .baseUnit("bytes")
                    .tag("store", store)
                    .register(registry());
        }
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry());
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("EnrichMetrics is not bound to a registry");
        }
        return r;
    }
}
