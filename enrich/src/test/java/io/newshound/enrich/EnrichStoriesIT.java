package io.newshound.enrich;

import static io.newshound.enrich.Fixtures.BOILERPLATE_HEAD;
import static io.newshound.enrich.Fixtures.BOILERPLATE_TAIL;
import static io.newshound.enrich.Fixtures.T0;
import static io.newshound.enrich.Fixtures.TOPICS;
import static io.newshound.enrich.Fixtures.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Article;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories decided by two enrich instances over four partitions: each story's copies are published
 * to other partitions than its first article, all at once, and every copy must still join the first
 * article's story, and no story may start twice. Then one instance stops; the other takes over its
 * state and decides later copies the same way.
 */
@ExtendWith(KafkaBrokerExtension.class)
class EnrichStoriesIT {
    static final int PARTITIONS = 4;
    static final int STORIES = 8;

    @TempDir Path stateA;
    @TempDir Path stateB;

    @Test
    void shouldDecideStoriesTheSameWhicheverPartitionAndInstanceEachCopyMeets(KafkaSettings broker)
            throws Exception {
        KafkaSettings kafka = broker.withPartitions(PARTITIONS);
        EnrichConfig config = EnrichConfig.of(TOPICS);
        List<Article> originals = new ArrayList<>();
        List<Article> copies = new ArrayList<>();
        Map<String, String> storyOf = new java.util.HashMap<>();
        for (int s = 0; s < STORIES; s++) {
            String body = story(s);
            Instant at = T0.plusSeconds(s);
            Article first = article("s" + s + "-first", "Baltic Wire", "Story " + s, body, at);
            originals.add(first);
            List<Article> storyCopies =
                    List.of(
                            article("s" + s + "-exact", "Danube Post", "Story " + s, body, at),
                            article(
                                    "s" + s + "-wrapped",
                                    "Morning Gazette",
                                    "Story " + s + " (wire)",
                                    BOILERPLATE_HEAD + "\n\n" + body + "\n\n" + BOILERPLATE_TAIL,
                                    at),
                            article(
                                    "s" + s + "-edited",
                                    "Kyiv Ledger",
                                    "Story " + s + ", updated",
                                    lightlyEdited(body),
                                    at));
            storyCopies.forEach(c -> storyOf.put(c.id(), first.id()));
            storyOf.put(first.id(), first.id());
            copies.addAll(storyCopies);
        }

        try (EnrichApp a =
                        new EnrichApp(
                                config.withStateDir(stateA), kafka, new SimpleMeterRegistry());
                EnrichApp b =
                        new EnrichApp(
                                config.withStateDir(stateB), kafka, new SimpleMeterRegistry());
                TopicReader<String, EnrichedArticle> enriched =
                        new TopicReader<>(kafka, kafka.topics().enriched());
                KafkaProducer<String, Article> producer = producer(kafka)) {
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(90))
                    .until(
                            () ->
                                    a.state() == KafkaStreams.State.RUNNING
                                            && b.state() == KafkaStreams.State.RUNNING);

            EventTopic<String, Article> articles = kafka.topics().articles();
            for (int s = 0; s < STORIES; s++) {
                send(producer, articles, originals.get(s), s % PARTITIONS);
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(90)).until(() -> enriched.values().size() >= STORIES);
            // Every copy at once, each on a partition other than its first article's.
            for (int i = 0; i < copies.size(); i++) {
                int story = i / 3;
                send(producer, articles, copies.get(i), (story + 1 + i % 3) % PARTITIONS);
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> enriched.values().size() >= STORIES * 4);

            assertDecided(enriched.values(), storyOf);

            // One instance goes; the other restores its share of the index and goes on.
            b.close();
            List<Article> late = new ArrayList<>();
            for (int s = 0; s < STORIES; s++) {
                Article copy =
                        article(
                                "s" + s + "-late",
                                "Northern Courier",
                                "Story " + s,
                                story(s),
                                T0.plusSeconds(600 + s));
                late.add(copy);
                storyOf.put(copy.id(), "s" + s + "-first");
                send(producer, articles, copy, (s + 2) % PARTITIONS);
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> enriched.values().size() >= STORIES * 5);
            assertDecided(enriched.values(), storyOf);
        }
    }

    @Test
    void shouldDecideArticlesOfATopicWithMorePartitionsThanTheIndexHasSlots(KafkaSettings broker)
            throws Exception {
        // The articles topic was made with 6 partitions; the configuration says 2, which sets
        // the index's slots. Every article must still meet its answers.
        KafkaSettings wide = broker.withPartitions(6);
        TopicAdmin.ensureTopics(wide, List.of(wide.topics().articles()));
        KafkaSettings kafka = broker.withPartitions(2);
        Map<String, String> storyOf = new java.util.HashMap<>();
        List<Article> firsts = new ArrayList<>();
        List<Article> copies = new ArrayList<>();
        for (int s = 0; s < STORIES; s++) {
            Article first = article("s" + s + "-first", "Baltic Wire", "Story " + s, story(s), T0);
            Article copy =
                    article(
                            "s" + s + "-exact",
                            "Danube Post",
                            "Story " + s,
                            story(s),
                            T0.plusSeconds(60));
            firsts.add(first);
            copies.add(copy);
            storyOf.put(first.id(), first.id());
            storyOf.put(copy.id(), first.id());
        }

        try (EnrichApp enrich =
                        new EnrichApp(
                                EnrichConfig.of(TOPICS).withStateDir(stateA),
                                kafka,
                                new SimpleMeterRegistry());
                TopicReader<String, EnrichedArticle> enriched =
                        new TopicReader<>(kafka, kafka.topics().enriched());
                KafkaProducer<String, Article> producer = producer(kafka)) {
            enrich.start();
            // First articles, then (once decided) their copies: which of two articles sent at
            // the same moment starts a story is a race, and not what this test is about.
            for (int s = 0; s < STORIES; s++) {
                send(producer, kafka.topics().articles(), firsts.get(s), s % 6);
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(90)).until(() -> enriched.values().size() >= STORIES);
            for (int s = 0; s < STORIES; s++) {
                send(producer, kafka.topics().articles(), copies.get(s), (s + 3) % 6);
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> enriched.values().size() >= 2 * STORIES);

            assertDecided(enriched.values(), storyOf);
        }
    }

    private static void assertDecided(List<EnrichedArticle> out, Map<String, String> storyOf) {
        assertThat(out).extracting(e -> e.article().id()).doesNotHaveDuplicates();
        assertThat(out)
                .allSatisfy(
                        e ->
                                assertThat(e.storyId())
                                        .as("story of %s", e.article().id())
                                        .isEqualTo(storyOf.get(e.article().id())));
        Map<String, Long> startedStories =
                out.stream()
                        .filter(e -> !e.isDuplicate())
                        .collect(
                                Collectors.groupingBy(
                                        EnrichedArticle::storyId, Collectors.counting()));
        assertThat(startedStories).hasSize(STORIES).allSatisfy((story, n) -> assertThat(n).isOne());
        assertThat(out.stream().filter(e -> e.article().id().endsWith("-first")))
                .allSatisfy(e -> assertThat(e.isDuplicate()).isFalse());
    }

    private static KafkaProducer<String, Article> producer(KafkaSettings kafka) {
        EventTopic<String, Article> topic = kafka.topics().articles();
        return new KafkaProducer<>(
                kafka.clientProperties(),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    private static void send(
            KafkaProducer<String, Article> producer,
            EventTopic<String, Article> topic,
            Article article,
            int partition)
            throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), partition, article.id(), article))
                .get(30, TimeUnit.SECONDS);
    }

    private static final String[] PLACES = {
        "Kharkiv",
        "Odesa",
        "Dnipro",
        "Zaporizhzhia",
        "Sumy",
        "Poltava",
        "Mykolaiv",
        "Kherson",
        "Chernihiv",
        "Vinnytsia"
    };
    private static final String[] ACTORS = {
        "the foreign ministry",
        "a parliamentary committee",
        "the regional governor",
        "the defence council",
        "the energy regulator",
        "the central bank",
        "the grain board",
        "the rail operator",
        "the customs service",
        "the prosecutor general"
    };
    private static final String[] ACTIONS = {
        "published a schedule for",
        "asked for an inquiry into",
        "approved new funds for",
        "postponed a vote on",
        "announced repairs to",
        "criticised the delays in",
        "signed an agreement on",
        "opened hearings on",
        "set a deadline for",
        "withdrew its plan for"
    };
    private static final String[] THINGS = {
        "the water mains", "the bridge over the river", "the school shelters", "power lines",
        "the northern rail link", "hospital generators", "the port terminal", "apartment heating",
        "the border crossing", "the grain silos"
    };

    /** A story of its own: sentences drawn from fixed lists with a seed per story. */
    static String story(int seed) {
        Random random = new Random(1000 + seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            text.append("In ")
                    .append(PLACES[random.nextInt(PLACES.length)])
                    .append(", ")
                    .append(ACTORS[random.nextInt(ACTORS.length)])
                    .append(' ')
                    .append(ACTIONS[random.nextInt(ACTIONS.length)])
                    .append(' ')
                    .append(THINGS[random.nextInt(THINGS.length)])
                    .append(" on day ")
                    .append(random.nextInt(28) + 1)
                    .append(i % 3 == 2 ? ".\n\n" : ". ");
        }
        return text.toString().strip();
    }

    /** The same text with a sentence dropped and a few words changed, as an editor would. */
    static String lightlyEdited(String body) {
        String[] sentences = body.split("(?<=\\.) ");
        StringBuilder edited = new StringBuilder();
        for (int i = 0; i < sentences.length; i++) {
            if (i != 4) {
                edited.append(sentences[i].replace(" on day ", " on the ")).append(' ');
            }
        }
        return edited.toString().strip();
    }
}
