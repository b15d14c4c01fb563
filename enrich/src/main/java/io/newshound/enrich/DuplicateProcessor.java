package io.newshound.enrich;

import io.newshound.enrich.dedup.SeenArticle;
import io.newshound.events.DuplicateKind;
import io.newshound.events.EnrichedArticle;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Marks an article as a duplicate when its key (article id, or body fingerprint) was seen within
 * the window, and remembers it otherwise. The store is a window store, so entries older than the
 * window expire with their segment: a copy arriving after that starts a new story.
 */
final class DuplicateProcessor
        implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
    private final String storeName;
    private final DuplicateKind kind;
    private final long windowMs;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private WindowStore<String, SeenArticle> seen;

    DuplicateProcessor(
            String storeName, DuplicateKind kind, Duration window, EnrichMetrics metrics) {
        this.storeName = storeName;
        this.kind = kind;
        this.windowMs = window.toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article.isDuplicate() || record.key() == null) {
            context.forward(record);
            return;
        }
        long ts = record.timestamp();
        SeenArticle first = firstWithin(record.key(), ts);
        if (first == null) {
            seen.put(record.key(), new SeenArticle(article.article().id(), article.storyId()), ts);
            context.forward(record);
            return;
        }
        metrics.duplicate(kind);
        context.forward(
                record.withValue(
                        EnrichedArticle.duplicate(
                                article.article(),
                                article.topics(),
                                first.storyId(),
                                first.articleId(),
                                kind,
                                1.0)));
    }

    private SeenArticle firstWithin(String key, long ts) {
        // Copies can arrive out of timestamp order, so look both ways from this record's time.
        try (WindowStoreIterator<SeenArticle> it =
                seen.fetch(key, Math.max(0, ts - windowMs), ts + windowMs)) {
            if (it.hasNext()) {
                KeyValue<Long, SeenArticle> entry = it.next();
                return entry.value;
            }
        }
        return null;
    }
}
