package io.newshound.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.enrich.AnalysisBound;
import io.newshound.enrich.EnrichApp;
import io.newshound.enrich.EnrichConfig;
import io.newshound.events.Article;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.events.streams.ManagedStreams;
import java.io.IOException;
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
 * the moment a tenth of the records are out (past start-up and the first rebalance) to the last. A
 * third topology, enrich's per-article work with none of its state ({@link AnalysisBound}), runs
 * over the same records: its rate bounds what any design of the story and claim state could reach.
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
            long broker = env.pid();
            // A first, shorter round on other topics, so that what is measured runs compiled:
            // on two cores the JIT compilers otherwise take half a core for the first minute.
            int warmUp = Math.max(1_000, articles / 2);
            KafkaSettings warm = kafka.withTopicPrefix("bench-warm-up.").withPartitions(PARTITIONS);
            publish(warm, warm.topics().articles(), warmUp);
            passThrough(warm, warm.topics().articles(), warmUp, threads, broker);
            enrich(warm, warmUp, threads, EnrichConfig.ClaimScope.TAGGED, broker);

            System.err.printf(Locale.ROOT, "publishing %,d articles...%n", articles);
            publish(kafka, kafka.topics().articles(), articles);
            Run pass = passThrough(kafka, kafka.topics().articles(), articles, threads, broker);
            Run enrich = enrich(kafka, articles, threads, EnrichConfig.ClaimScope.TAGGED, broker);
            // The same records through enrich's per-article work with none of its state: the
            // most any design of the story and claim state could reach.
            KafkaSettings alone = kafka.withTopicPrefix("bench-topology-bound.");
            publish(alone, alone.topics().articles(), articles);
            Run bound = bound(alone, articles, threads, broker);
            // The same records again, with the claims of every article extracted, not only of
            // those on a topic: what a claims topic serving more than the alerts costs.
            // -Dall-claims=false leaves it out, for a profile of the enrich run alone.
            Run enrichAll = new Run(Double.NaN, Double.NaN, Double.NaN);
            if (Boolean.parseBoolean(System.getProperty("all-claims", "true"))) {
                KafkaSettings all = kafka.withTopicPrefix("bench-topology-all.");
                publish(all, all.topics().articles(), articles);
                enrichAll = enrich(all, articles, threads, EnrichConfig.ClaimScope.ALL, broker);
            }

            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    Locale.ROOT,
                    "%nEnrich topology vs pass-through: %,d articles of 5 KB (half new stories,"
                            + " a quarter exact copies, a quarter wrapped copies; one in %d on a"
                            + " followed topic), %d partitions, %d stream threads, exactly once"
                            + " (commit every %d ms); broker in its own process; %d cores, Java"
                            + " %s, max heap %d MB%n",
                    articles,
                    ON_TOPIC_EVERY,
                    PARTITIONS,
                    threads,
                    ManagedStreams.commitInterval(),
                    rt.availableProcessors(),
                    System.getProperty("java.version"),
                    rt.maxMemory() / (1024 * 1024));
            System.out.printf(
                    Locale.ROOT,
                    "%-46s %12s %14s %14s%n",
                    "topology",
                    "articles/s",
                    "streams cores",
                    "broker cores");
            pass.print("pass-through (read, deserialize, write)");
            enrich.print("enrich (claims of articles on a topic)");
            bound.print("its per-article work alone, no state");
            enrichAll.print("enrich (claims of every article)");
            System.out.printf(
                    Locale.ROOT,
                    "ratio enrich / pass-through: %.2f (target >= 0.5); with the claims of every"
                            + " article: %.2f%n",
                    enrich.rate() / pass.rate(),
                    enrichAll.rate() / pass.rate());
            System.out.printf(
                    Locale.ROOT,
                    "ratio per-article work alone / pass-through: %.2f (%,d story probes made)%n",
                    bound.rate() / pass.rate(),
                    AnalysisBound.PROBES.sum());
        }
    }

    /**
     * A topology's measured run: its rate, and the CPU its JVM and the broker used meanwhile (in
     * cores; NaN when not known).
     */
    record Run(double rate, double streamsCores, double brokerCores) {
        void print(String name) {
            System.out.printf(
                    Locale.ROOT,
                    "%-46s %12.0f %14.2f %14.2f%n",
                    name,
                    rate,
                    streamsCores,
                    brokerCores);
        }
    }

    /**
     * Publishes {@code count} 5 KB articles: half new stories, a quarter exact copies from another
     * outlet, a quarter copies wrapped in another page's text.
     */
    static void publish(KafkaSettings kafka, EventTopic<String, Article> topic, int count)
            throws Exception {
        TopicAdmin.ensureTopics(kafka, List.of(topic));
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

    /** Rounds of the pass-through, of which the median is taken: one round is over in seconds. */
    private static final int PASS_ROUNDS = 3;

    /**
     * The pass-through topology over {@code input}, {@value #PASS_ROUNDS} times (each with its own
     * application id and output topic): the round with the median rate.
     */
    static Run passThrough(
            KafkaSettings kafka,
            EventTopic<String, Article> input,
            int articles,
            int threads,
            long brokerPid)
            throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < PASS_ROUNDS; round++) {
            EventTopic<String, Article> output =
                    new EventTopic<>(
                            kafka.topicPrefix() + "passthrough-" + round,
                            input.keySerde(),
                            input.valueSerde());
            System.err.println("pass-through, round " + (round + 1) + "...");
            runs.add(copy(kafka, input, output, articles, threads, brokerPid));
        }
        runs.sort(Comparator.comparingDouble(Run::rate));
        return runs.get(runs.size() / 2);
    }

    /** One round of the pass-through topology, from {@code input} to {@code output}. */
    static Run copy(
            KafkaSettings kafka,
            EventTopic<String, Article> input,
            EventTopic<String, Article> output,
            int articles,
            int threads,
            long brokerPid)
            throws Exception {
        TopicAdmin.ensureTopics(kafka, List.of(output));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()))
                .to(output.name(), Produced.with(output.keySerde(), output.valueSerde()));
        Path state = Files.createTempDirectory("newshound-bench-passthrough-");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String app = output.name().replace('.', '-');
        try (ManagedStreams streams =
                ManagedStreams.start(
                        app,
                        builder.build(),
                        ManagedStreams.properties(app, kafka, state, threads, registry),
                        registry)) {
            return outputRate(kafka, output.name(), articles, brokerPid);
        } finally {
            delete(state);
        }
    }

    static Run enrich(
            KafkaSettings kafka,
            int articles,
            int threads,
            EnrichConfig.ClaimScope claims,
            long brokerPid)
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
            Run measured = outputRate(kafka, kafka.topics().enriched().name(), articles, brokerPid);
            System.err.printf(
                    Locale.ROOT,
                    "  enrich decided %,.0f new stories and %,.0f duplicates, tagged %,.0f, and"
                            + " found %,.0f claims%n",
                    count(registry, "newshound.enrich.stories"),
                    count(registry, "newshound.enrich.duplicates"),
                    count(registry, "newshound.enrich.tags"),
                    count(registry, "newshound.claims"));
            return measured;
        } finally {
            delete(state);
        }
    }

    /**
     * Enrich's per-article work alone ({@link AnalysisBound}), with the claims of articles on a
     * topic, measured on its output of articles.
     */
    static Run bound(KafkaSettings kafka, int articles, int threads, long brokerPid)
            throws Exception {
        Path state = Files.createTempDirectory("newshound-bench-bound-");
        System.err.println("enrich's per-article work alone...");
        try (AutoCloseable streams =
                AnalysisBound.start(
                        EnrichConfig.defaults().withStateDir(state).withThreads(threads),
                        kafka,
                        new SimpleMeterRegistry())) {
            return outputRate(kafka, kafka.topics().enriched().name(), articles, brokerPid);
        } finally {
            delete(state);
        }
    }

    /**
     * Records per second committed to {@code topic}, from the moment a tenth of {@code expected}
     * are there to the last, and the CPU this process and the broker's used in that time.
     */
    static Run outputRate(KafkaSettings kafka, String topic, int expected, long brokerPid)
            throws IOException {
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
            long selfAtFrom = 0;
            long brokerAtFrom = 0;
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
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(20));
                long before = seen;
                seen += records.count();
                if (seen > before) {
                    lastChange = System.nanoTime();
                }
                if (before < tenth && seen >= tenth) {
                    from = System.nanoTime();
                    selfAtFrom = Cpu.ticks(ProcessHandle.current().pid());
                    brokerAtFrom = brokerPid < 0 ? 0 : Cpu.ticks(brokerPid);
                    tenth = seen;
                }
            }
            double seconds = (System.nanoTime() - from) / 1e9;
            double self = Cpu.cores(Cpu.ticks(ProcessHandle.current().pid()) - selfAtFrom, seconds);
            double broker =
                    brokerPid < 0
                            ? Double.NaN
                            : Cpu.cores(Cpu.ticks(brokerPid) - brokerAtFrom, seconds);
            return new Run((seen - tenth) / seconds, self, broker);
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
