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
    private KeyValueStore<String, byte[]> waiting;

    StoryDecisionProcessor(EnrichMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.pending = context.getStateStore(EnrichTopology.STORY_PENDING);
        this.waiting = context.getStateStore(EnrichTopology.STORY_WAITING);
    }

    @Override
    public void process(FixedKeyRecord<String, StoryMessage> record) {
        String id = record.key();
        StoryMessage message = record.value();
        PendingStory next = PendingStory.gather(pending.get(id), message);
        if (!next.complete()) {
            pending.put(id, next);
            if (message.hasArticle()) {
                waiting.put(id, message.articleJson());
            }
            return;
        }
        byte[] json = message.hasArticle() ? message.articleJson() : waiting.get(id);
        // put(null), not delete(): delete reads the old value back, a whole article here.
        pending.put(id, null);
        waiting.put(id, null);
        EnrichedArticle decided = next.decide(StoryMessage.article(json));
        if (decided.isDuplicate()) {
            metrics.duplicate(decided.duplicateKind());
        }
        context.forward(record.withValue(decided).withTimestamp(record.timestamp()));
    }
}
