package io.newshound.enrich;

import io.newshound.enrich.dedup.PendingStory;
import io.newshound.enrich.dedup.StoryMessage;
import io.newshound.events.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gathers an article and its slots' answers, keyed by article id, and decides its story once all
 * have arrived: the best answer's story, or a new story of its own.
 */
final class StoryDecisionProcessor
        implements FixedKeyProcessor<String, StoryMessage, EnrichedArticle> {
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, PendingStory> pending;

    StoryDecisionProcessor(EnrichMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.pending = context.getStateStore(EnrichTopology.STORY_PENDING);
    }

    @Override
    public void process(FixedKeyRecord<String, StoryMessage> record) {
        PendingStory known = pending.get(record.key());
        PendingStory next = PendingStory.gather(known, record.value());
        if (!next.complete()) {
            pending.put(record.key(), next);
            return;
        }
        pending.delete(record.key());
        EnrichedArticle decided = next.decide();
        if (decided.isDuplicate()) {
            metrics.duplicate(decided.duplicateKind());
        }
        context.forward(record.withValue(decided).withTimestamp(record.timestamp()));
    }
}
