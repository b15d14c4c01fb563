package io.newshound.bench;

import io.newshound.events.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches the articles and claims topics as the services read them (committed records only) and
 * notes when each of the {@link LoadSite}'s articles first became readable on each, so the
 * fetch-to-alert latency can be split into its stages: ingest (fetched to published), enrich
 * (published to its first claim) and alerts (first claim to the alert received).
 */
final class StageTap implements AutoCloseable {
    private static final byte[] URL = "\"url\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ARTICLE_URL =
            "\"articleUrl\":\"".getBytes(StandardCharsets.US_ASCII);

    private final String articlesTopic;
    private final Map<Integer, Long> published = new ConcurrentHashMap<>();
    private final Map<Integer, Long> claimed = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    StageTap(KafkaSettings kafka) {
        this.articlesTopic = kafka.topics().articles().name();
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(articlesTopic, kafka.topics().claims().name())) {
            consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "stage-tap");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    boolean article = r.topic().equals(articlesTopic);
                    int n = pageNumber(r.value(), article ? URL : ARTICLE_URL);
                    if (n >= 0) {
                        (article ? published : claimed).putIfAbsent(n, now);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close();
        }
    }

    /** When article {@code n} became readable on the articles topic, or null. */
    Long published(int n) {
        return published.get(n);
    }

    /** When the first claim of article {@code n} became readable, or null. */
    Long claimed(int n) {
        return claimed.get(n);
    }

    /** The number in {@code .../a/N.html} of the first {@code field} in a JSON value, or -1. */
    static int pageNumber(byte[] json, byte[] field) {
        int at = indexOf(json, field);
        if (at < 0) {
            return -1;
        }
        int end = at + field.length;
        while (end < json.length && json[end] != '"') {
            end++;
        }
        int dot = end - 5;
        if (dot <= at || json[dot] != '.') {
            return -1;
        }
        int start = dot;
        while (start > at && json[start - 1] >= '0' && json[start - 1] <= '9') {
            start--;
        }
        if (start == dot || json[start - 1] != '/') {
            return -1;
        }
        return Integer.parseInt(new String(json, start, dot - start, StandardCharsets.US_ASCII));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
