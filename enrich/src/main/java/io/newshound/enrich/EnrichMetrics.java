package io.newshound.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.newshound.enrich.topics.LiveTopics;
import io.newshound.events.DuplicateKind;
import io.newshound.events.SourceType;
import java.time.Duration;

/**
 * Enrich's meters: articles in by outcome, duplicates by kind, tags per topic, tagging time, claims
 * by novelty and source type, dead letters.
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

    /** Gauges of the topic rules in force and of the rules left out. */
    void rules(LiveTopics topics) {
        io.micrometer.core.instrument.Gauge.builder(
                        "newshound.enrich.topic.rules", topics, t -> t.current().topics().size())
                .description("Topic rules in force")
                .register(registry());
        io.micrometer.core.instrument.Gauge.builder(
                        "newshound.enrich.topic.rule.errors",
                        topics,
                        t -> t.current().errors().size())
                .description("Topic rules left out because they do not parse")
                .register(registry());
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
