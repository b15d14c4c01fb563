package io.newshound.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.events.Article;
import io.newshound.events.KafkaSettings;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The tools that work on a running deployment's Kafka: feeds and replay. */
@ExtendWith(KafkaBrokerExtension.class)
class FeedsCommandIT {
    @TempDir Path dir;

    Path config(KafkaSettings kafka) throws Exception {
        return Files.writeString(
                dir.resolve("newshound.yml"),
                "kafka:\n  bootstrap-servers: "
                        + kafka.bootstrapServers()
                        + "\n  topic-prefix: "
                        + kafka.topicPrefix()
                        + "\n");
    }

    @Test
    void shouldCreateEveryTopicOfTheThreeServicesWithCompactionWhereTheyKeepState(
            KafkaSettings kafka) throws Exception {
        OfflineToolsTest.Result created =
                OfflineToolsTest.run("topics", "-c", config(kafka).toString());
        OfflineToolsTest.Result again =
                OfflineToolsTest.run("topics", "-c", config(kafka).toString());

        String p = kafka.topicPrefix();
        assertThat(created.status()).isZero();
        assertThat(created.out())
                .contains(
                        p + "articles",
                        p + "articles.enriched",
                        p + "claims",
                        p + "alerts",
                        p + "deadletters",
                        p + "feeds  (compacted)",
                        p + "subscriptions  (compacted)");
        assertThat(again.status()).as("existing topics are left as they are").isZero();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            assertThat(admin.listTopics().names().get())
                    .contains(p + "articles", p + "alert-mutes", p + "feed-state");
        }
    }

    @Test
    void shouldAddListAndRemoveFeeds(KafkaSettings kafka) throws Exception {
        String config = config(kafka).toString();

        OfflineToolsTest.Result added =
                OfflineToolsTest.run(
                        "feeds",
                        "add",
                        "https://kyiv-ledger.example/rss.xml",
                        "--name",
                        "Kyiv Ledger",
                        "--interval",
                        "10m",
                        "-c",
                        config);
        OfflineToolsTest.Result status = OfflineToolsTest.run("feeds", "status", "-c", config);
        OfflineToolsTest.Result removed =
                OfflineToolsTest.run(
                        "feeds", "remove", "https://kyiv-ledger.example/rss.xml", "-c", config);
        OfflineToolsTest.Result after = OfflineToolsTest.run("feeds", "status", "-c", config);

        assertThat(added.status()).isZero();
        assertThat(status.out().get(0)).startsWith("FEED");
        assertThat(status.out())
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .startsWith("Kyiv Ledger")
                                        .contains("never polled")
                                        .contains("due"));
        assertThat(status.out()).last().isEqualTo("1 feeds, 0 failing");
        assertThat(removed.status()).isZero();
        assertThat(after.out()).last().isEqualTo("0 feeds, 0 failing");
    }

    @Test
    void shouldRejectAFeedThatIsNotHttp(KafkaSettings kafka) throws Exception {
        OfflineToolsTest.Result r =
                OfflineToolsTest.run(
                        "feeds", "add", "ftp://x.example/feed", "-c", config(kafka).toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).containsExactly("newshound: not an http(s) URL: ftp://x.example/feed");
    }

    @Test
    void shouldReplayAFolderOfArticles(KafkaSettings kafka) throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(
                archive.resolve("001.txt"),
                "Envoys expected in Moscow\nThe trip could happen next week, officials said.");
        Files.writeString(
                archive.resolve("002.txt"),
                "Kyiv proposes monitors\nThe foreign ministry wants monitors on both sides.");

        OfflineToolsTest.Result r =
                OfflineToolsTest.run(
                        "replay",
                        archive.toString(),
                        "--outlet",
                        "Archive",
                        "-c",
                        config(kafka).toString());

        assertThat(r.status()).isZero();
        assertThat(r.out())
                .containsExactly("published 2 articles to " + kafka.topics().articles().name());
        try (TopicReader<String, Article> articles =
                new TopicReader<>(kafka, kafka.topics().articles())) {
            assertThat(articles.pollFor(Duration.ofSeconds(2)))
                    .extracting(rec -> rec.value().title())
                    .containsExactlyInAnyOrder(
                            "Envoys expected in Moscow", "Kyiv proposes monitors");
        }
    }
}
