package io.newshound.enrich;

import io.newshound.enrich.topics.TopicTagger;
import io.newshound.events.Article;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.TopicMatch;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Tags each article with its topics; every article starts as the first of its own story. */
final class TagProcessor implements FixedKeyProcessor<String, Article, EnrichedArticle> {
    private final TopicTagger tagger;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;

    TagProcessor(TopicTagger tagger, EnrichMetrics metrics) {
        this.tagger = tagger;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        metrics.articleIn();
        long start = System.nanoTime();
        List<TopicMatch> topics = tagger.tag(record.value().fullText());
        metrics.taggingTook(Duration.ofNanos(System.nanoTime() - start));
        context.forward(record.withValue(EnrichedArticle.original(record.value(), topics)));
    }
}
