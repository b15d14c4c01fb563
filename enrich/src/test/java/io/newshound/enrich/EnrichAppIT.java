package io.newshound.enrich;

import static io.newshound.enrich.Fixtures.T0;
import static io.newshound.enrich.Fixtures.TOPICS;
import static io.newshound.enrich.Fixtures.wireCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Article;
import io.newshound.events.DeadLetters;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.KafkaSettings;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.LogCapture;
import io.newshound.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class EnrichAppIT {
    @TempDir Path stateDir;

    @Test
    void shouldDeadLetterARecordThatIsNotJsonAndKeepRunning(KafkaSettings kafka) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LogCapture log = LogCapture.of("io.newshound");
                EnrichApp enrich =
                        new EnrichApp(
                                EnrichConfig.of(TOPICS).withStateDir(stateDir), kafka, registry);
                TopicReader<byte[], byte[]> dead =
                        new TopicReader<>(kafka, kafka.topics().deadLetters());
                TopicReader<String, EnrichedArticle> enriched =
                        new TopicReader<>(kafka, kafka.topics().enriched())) {
            enrich.start();

            send(
                    kafka,
                    "not-json".getBytes(StandardCharsets.UTF_8),
                    "<rss>oops</rss>".getBytes(StandardCharsets.UTF_8));
            Article article = wireCopy("bw-1", "Baltic Wire", T0);
            send(
                    kafka,
                    article.id().getBytes(StandardCharsets.UTF_8),
                    kafka.topics().articles().valueSerde().serializer().serialize(null, article));

            await().atMost(Duration.ofSeconds(60)).until(() -> !dead.records().isEmpty());
            ConsumerRecord<byte[], byte[]> letter = dead.records().get(0);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8))
                    .isEqualTo("<rss>oops</rss>");
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_TOPIC))
                    .isEqualTo(kafka.topics().articles().name());
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_PARTITION))
                    .isNotNull();
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_OFFSET))
                    .isEqualTo("0");
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.REASON))
                    .startsWith("not a valid Article: Unexpected character ('<'");
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(enriched.values())
                                            .extracting(a -> a.article().id())
                                            .containsExactly("bw-1"));
            assertThat(enrich.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(log.lines("WARN"))
                    .singleElement()
                    .asString()
                    .startsWith(
                            kafka.topics().articles().name() + "-0 offset 0: not a valid Article: ")
                    .endsWith("; sent to " + kafka.topics().deadLetters().name());
            assertThat(registry.get("newshound.deadletters").counter().count()).isEqualTo(1.0);

            // The story index now holds the article under its exact keys and bands.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> {
                                assertThat(store(registry, "entries", "story-keys"))
                                        .isGreaterThanOrEqualTo(10);
                                // RocksDB's estimate: the article in each slot it went to,
                                // plus a bookkeeping entry or so per store.
                                assertThat(store(registry, "entries", "story-articles"))
                                        .isPositive();
                                assertThat(store(registry, "bytes", "story-keys")).isPositive();
                                assertThat(store(registry, "entries", "seen-claims")).isPositive();
                            });
        }
    }

    private static double store(SimpleMeterRegistry registry, String measure, String store) {
        return registry.get("newshound.enrich.store." + measure)
                .tag("store", store)
                .gauge()
                .value();
    }

    static void send(KafkaSettings kafka, byte[] key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        kafka.clientProperties(),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            // Partition 0 for both, so that the good record follows the bad one.
            producer.send(new ProducerRecord<>(kafka.topics().articles().name(), 0, key, value))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
