package io.newshound.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.enrich.EnrichApp;
import io.newshound.enrich.EnrichConfig;
import io.newshound.events.Article;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.events.streams.ManagedStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The whole enrich topology against a pass-through topology (read, deserialize, write) on the same
 * broker and the same records, in one run (issue 4). Both run as Kafka Streams apps with the same
 * settings (exactly once, the same threads); the rate of each is taken from its output topic, from
 * the moment a tenth of the records are out (past start-up and the first rebalance) to the last.
 *
 * <pre>bench/enrich.sh topology [ARTICLES] [THREADS]</pre>
 */
final class TopologyBench {
    /**
     * Now, not a fixed date: the broker deletes records older than the topics' retention (7 days)
     * by their timestamps, in the middle of a run.
     */
    private static final Instant T0 = Instant.now();

    private static final int PARTITIONS = 4;

    /**
     * One article in this many is on a followed topic (its title names the peace plan), as in a
     * general news feed watched for one story.
     */
    static final int ON_TOPIC_EVERY = 20;

    private TopologyBench() {}

    static void run(int articles, int threads) throws Exception {
        try (Environment env = Environment.start(0, "1g")) {
            KafkaSettings kafka =
                    KafkaSettings.at(env.bootstrap)
                            .withTopicPrefix("bench-topology.")
                            .withPartitions(PARTITIONS);
            // A first, shorter round on other topics, so that what is measured runs compiled:
            // on two cores the JIT compilers otherwise take half a core for the first minute.
            int warmUp = Math.max(1_000, articles / 4);
            KafkaSettings warm = kafka.withTopicPrefix("bench-warm-up.").withPartitions(PARTITIONS);
            measure(warm, warmUp, threads, "warm-up: ");
            Rates rates = measure(kafka, articles, threads, "");
            double pass = rates.passThrough();
            double enrich = rates.enrich();
            // The same records again, with the claims of every article extracted, not only of
            // those on a topic: what a claims topic serving more than the alerts costs.
            KafkaSettings again = kafka.withTopicPrefix("bench-topology-all.");
            TopicAdmin.ensureTopics(again, List.of(again.topics().articles()));
            publish(again, again.topics().articles(), articles);
            double enrichAll = enrich(again, articles, threads, EnrichConfig.ClaimScope.ALL);

            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    Locale.ROOT,
                    "%nEnrich topology vs pass-through: %,d articles of 5 KB (half new stories,"
                            + " a quarter exact copies, a quarter wrapped copies; one in %d on a"
                            + " followed topic), %d partitions,"
                            + " %d stream threads, exactly once; %d cores, Java %s, max heap %d MB%n",
                    articles,
                    ON_TOPIC_EVERY,
                    PARTITIONS,
                    threads,
                    rt.availableProcessors(),
                    System.getProperty("java.version"),
                    rt.maxMemory() / (1024 * 1024));
            System.out.printf(Locale.ROOT, "%-44s %12s%n", "topology", "articles/s");
            System.out.printf(
                    Locale.ROOT, "%-44s %12.0f%n", "pass-through (read, deserialize, write)", pass);
            System.out.printf(
                    Locale.ROOT, "%-44s %12.0f%n", "enrich (claims of tagged articles)", enrich);
            System.out.printf(
                    Locale.ROOT, "%-44s %12.0f%n", "enrich (claims of every article)", enrichAll);
            System.out.printf(
                    Locale.ROOT,
                    "ratio enrich / pass-through: %.2f (target >= 0.5); claims of every"
                            + " article: %.2f%n",
                    enrich / pass,
                    enrichAll / pass);
        }
    }

    private record Rates(double passThrough, double enrich) {}

    /** Publishes {@code articles} to the topics of {@code kafka} and runs both topologies. */
    private static Rates measure(KafkaSettings kafka, int articles, int threads, String round)
            throws Exception {
        EventTopic<String, Article> input = kafka.topics().articles();
        EventTopic<String, Article> copied =
                new EventTopic<>(
                        kafka.topicPrefix() + "passthrough", input.keySerde(), input.valueSerde());
        TopicAdmin.ensureTopics(kafka, List.of(input, copied));
        System.err.printf(Locale.ROOT, "%spublishing %,d articles...%n", round, articles);
        publish(kafka, input, articles);
        double pass = passThrough(kafka, input, copied, articles, threads);
        double enrich = enrich(kafka, articles, threads);
        System.err.printf(
                Locale.ROOT, "%spass-through %.0f/s, enrich %.0f/s%n", round, pass, enrich);
        return new Rates(pass, enrich);
    }

    /**
     * Publishes {@code count} 5 KB articles: half new stories, a quarter exact copies from another
     * outlet, a quarter copies wrapped in another page's text.
     */
    static void publish(KafkaSettings kafka, EventTopic<String, Article> topic, int count)
            throws Exception {
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        SplittableRandom random = new SplittableRandom(5);
        try (KafkaProducer<String, Article> producer =
                new KafkaProducer<>(
                        props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            int stories = 0;
            for (int n = 0; n < count; n++) {
                String body;
                switch (n % 4) {
                    case 0 ->
                            body =
                                    SyntheticNews.paragraphs(
                                            random.nextInt(Math.max(1, stories)), 5_000);
                    case 2 ->
                            body =
                                    SyntheticNews.paragraphs(-1L - n, 600)
                                            + SyntheticNews.paragraphs(
                                                    random.nextInt(Math.max(1, stories)), 4_400)
                                            + SyntheticNews.paragraphs(-1_000_000L - n, 600);
                    default -> body = SyntheticNews.paragraphs(stories++, 5_000);
                }
                Article article = article(n, body.replaceAll("</?p>", ""));
                producer.send(
                        new ProducerRecord<>(
                                topic.name(),
                                null,
                                article.published().toEpochMilli(),
                                article.id(),
                                article));
            }
            producer.flush();
        }
    }

    /** Whether article {@code n} is on a followed topic: new stories and copies alike. */
    static boolean onTopic(int n) {
        return new SplittableRandom(n).nextInt(ON_TOPIC_EVERY) == 0;
    }

    private static Article article(int n, String text) {
        Instant at = T0.plusMillis(n * 10L);
        String outlet = "Outlet " + (n % 40);
        return Article.of(
                "a-" + n,
                "https://outlet-" + (n % 40) + ".example/news/" + n,
                "https://outlet-" + (n % 40) + ".example/rss.xml",
                outlet,
                null,
                onTopic(n)
                        ? "Report " + n + " on the peace plan talks in Kyiv"
                        : "Report " + n + " on the talks in Kyiv",
                null,
                at,
                at,
                "en",
                text);
    }

    static double passThrough(
            KafkaSettings kafka,
            EventTopic<String, Article> input,
            EventTopic<String, Article> output,
            int articles,
            int threads)
            throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()))
                .to(output.name(), Produced.with(output.keySerde(), output.valueSerde()));
        Path state = Files.createTempDirectory("newshound-bench-passthrough-");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        System.err.println("pass-through...");
        try (ManagedStreams streams =
                ManagedStreams.start(
                        "passthrough",
                        builder.build(),
                        ManagedStreams.properties("passthrough", kafka, state, threads, registry),
                        registry)) {
            return outputRate(kafka, output.name(), articles);
        } finally {
            delete(state);
        }
    }

    static double enrich(KafkaSettings kafka, int articles, int threads) throws Exception {
        return enrich(kafka, articles, threads, EnrichConfig.defaults().claims());
    }

    static double enrich(
            KafkaSettings kafka, int articles, int threads, EnrichConfig.ClaimScope claims)
            throws Exception {
        Path state = Files.createTempDirectory("newshound-bench-enrich-");
        System.err.println("enrich (claims of " + claims.label() + " articles)...");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EnrichApp enrich =
                new EnrichApp(
                        EnrichConfig.defaults()
                                .withStateDir(state)
                                .withThreads(threads)
                                .withClaims(claims),
                        kafka,
                        registry)) {
            enrich.start();
            double rate = outputRate(kafka, kafka.topics().enriched().name(), articles);
            System.err.printf(
                    Locale.ROOT,
                    "  enrich decided %,.0f new stories and %,.0f duplicates, tagged %,.0f, and"
                            + " found %,.0f claims%n",
                    count(registry, "newshound.enrich.stories"),
                    count(registry, "newshound.enrich.duplicates"),
                    count(registry, "newshound.enrich.tags"),
                    count(registry, "newshound.claims"));
            return rate;
        } finally {
            delete(state);
        }
    }

    /**
     * Records per second committed to {@code topic}, from the moment a tenth of {@code expected}
     * are there to the last.
     */
    static double outputRate(KafkaSettings kafka, String topic, int expected) {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long seen = 0;
            long tenth = expected / 10;
            long from = 0;
            long progress = System.nanoTime();
            long lastChange = System.nanoTime();
            while (seen < expected) {
                long now = System.nanoTime();
                if (now - lastChange > TimeUnit.MINUTES.toNanos(2)) {
                    throw new IllegalStateException(
                            topic + ": stuck at " + seen + " of " + expected + " records");
                }
                if (now - progress > TimeUnit.SECONDS.toNanos(10)) {
                    System.err.printf(Locale.ROOT, "  %,d of %,d%n", seen, expected);
                    progress = now;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                long before = seen;
                seen += records.count();
                if (seen > before) {
                    lastChange = System.nanoTime();
                }
                if (before < tenth && seen >= tenth) {
                    from = System.nanoTime();
                    tenth = seen;
                }
            }
            return (seen - tenth) / ((System.nanoTime() - from) / 1e9);
        }
    }

    /** The sum of the counters named {@code name}, over their tags. */
    private static double count(SimpleMeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Deletes {@code dir} and everything in it. */
    static void delete(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
