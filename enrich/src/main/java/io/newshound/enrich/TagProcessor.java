package io.newshound.enrich;

import io.newshound.enrich.topics.LiveTopics;
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
    private final LiveTopics topics;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;

    TagProcessor(LiveTopics topics, EnrichMetrics metrics) {
        this.topics = topics;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        metrics.articleIn();
        Article article = record.value();
        long start = System.nanoTime();
        List<TopicMatch> tags = topics.current().tag(article.title(), article.text());
        metrics.taggingTook(Duration.ofNanos(System.nanoTime() - start));
        context.forward(record.withValue(EnrichedArticle.original(article, tags)));
    }
}
