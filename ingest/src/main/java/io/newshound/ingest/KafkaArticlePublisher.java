package io.newshound.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newshound.events.Article;
import io.newshound.events.DeadLetters;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes articles to the articles topic with an idempotent producer and {@code acks=all}. */
final class KafkaArticlePublisher implements ArticlePublisher, AutoCloseable {
    private final KafkaProducer<String, Article> producer;
    private final KafkaClientMetrics metrics;
    private final EventTopic<String, Article> topic;

    KafkaArticlePublisher(KafkaSettings kafka, String clientId, MeterRegistry registry) {
        this.topic = kafka.topics().articles();
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        this.producer =
                new KafkaProducer<>(
                        props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    @Override
    public void publish(List<Article> articles) throws PublishException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(articles.size());
        for (Article article : articles) {
            sends.add(producer.send(new ProducerRecord<>(topic.name(), article.id(), article)));
        }
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(2, TimeUnit.MINUTES);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishException(
                    "cannot publish to " + topic.name() + ": " + DeadLetters.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing to " + topic.name(), e);
        }
    }

    @Override
    public void close() {
        metrics.close();
        producer.close();
    }
}
