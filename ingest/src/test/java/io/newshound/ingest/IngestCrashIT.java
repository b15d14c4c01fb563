package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Article;
import io.newshound.events.FeedState;
import io.newshound.events.KafkaSettings;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TestHttpServer;
import io.newshound.testkit.TestHttpServer.Response;
import io.newshound.testkit.TopicReader;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills an ingest process with SIGKILL at the worst moments and checks that its successor publishes
 * every article exactly once.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestCrashIT {
    static final List<String> PAGES = List.of("/a", "/b", "/c");

    static String feed(TestHttpServer site) {
        StringBuilder items = new StringBuilder();
        for (String page : PAGES) {
            items.append("<item><title>Story ")
                    .append(page)
                    .append("</title><link>")
                    .append(site.uri(page))
                    .append("</link></item>");
        }
        return "<rss version=\"2.0\"><channel><title>Danube Post</title>"
                + items
                + "</channel></rss>";
    }

    static Process startProcess(KafkaSettings kafka, TestHttpServer site, Path log)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        IngestProcess.class.getName(),
                        kafka.bootstrapServers(),
                        kafka.topicPrefix(),
                        site.uri("/feed.xml").toString(),
                        "crash-test")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    static void kill(Process process) throws Exception {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    static Response page(String text) {
        return Response.ok(
                "text/html",
                "<article><p>"
                        + text
                        + " happened, and the article says so at length.</p></article>");
    }

    @Test
    void shouldPublishEveryArticleOnceWhenKilledBetweenFetchAndPublish(KafkaSettings kafka)
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestHttpServer site = TestHttpServer.start();
                TopicReader<String, Article> articles =
                        new TopicReader<>(kafka, kafka.topics().articles())) {
            site.on("/feed.xml", Response.ok("application/rss+xml", feed(site)))
                    .on("/b", page("B"))
                    .on("/c", page("C"))
                    .handle(
                            "/a",
                            exchange -> {
                                try {
                                    release.await(60, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                byte[] body =
                                        "<article><p>A happened, and the article says so at length.</p></article>"
                                                .getBytes(StandardCharsets.UTF_8);
                                exchange.sendResponseHeaders(200, body.length);
                                try (OutputStream out = exchange.getResponseBody()) {
                                    out.write(body);
                                }
                            });
            Process first = startProcess(kafka, site, logFile("crash-between"));

            // The process has read the feed and is fetching its pages: nothing is published yet.
            await().atMost(Duration.ofSeconds(60)).until(() -> !site.requests("/a").isEmpty());
            kill(first);
            release.countDown();
            assertThat(articles.pollFor(Duration.ofSeconds(1))).isEmpty();

            try (IngestApp successor =
                    new IngestApp(
                            IngestProcess.config(site.uri("/feed.xml").toString(), "crash-test"),
                            kafka,
                            new SimpleMeterRegistry())) {
                successor.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> articles.records().size() >= 3);
                int polls = site.requests("/feed.xml").size();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> site.requests("/feed.xml").size() >= polls + 2);
            }

            assertThat(articles.pollFor(Duration.ofSeconds(1)))
                    .extracting(ConsumerRecord::value)
                    .extracting(Article::title)
                    .containsExactlyInAnyOrder("Story /a", "Story /b", "Story /c");
        }
    }

    @Test
    void shouldPublishNothingAgainWhenKilledAfterPublishing(KafkaSettings kafka) throws Exception {
        try (TestHttpServer site = TestHttpServer.start();
                TopicReader<String, Article> articles =
                        new TopicReader<>(kafka, kafka.topics().articles());
                TopicReader<String, FeedState> states =
                        new TopicReader<>(kafka, kafka.topics().feedState())) {
            site.on("/feed.xml", Response.ok("application/rss+xml", feed(site)))
                    .on("/a", page("A"))
                    .on("/b", page("B"))
                    .on("/c", page("C"));
            Process first = startProcess(kafka, site, logFile("crash-after"));
            await().atMost(Duration.ofSeconds(60)).until(() -> articles.records().size() >= 3);
            kill(first);
            int pagesFetched = site.requests("/a").size();

            try (IngestApp successor =
                    new IngestApp(
                            IngestProcess.config(site.uri("/feed.xml").toString(), "crash-test"),
                            kafka,
                            new SimpleMeterRegistry())) {
                successor.start();
                int polls = site.requests("/feed.xml").size();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> site.requests("/feed.xml").size() >= polls + 3);
            }

            assertThat(articles.pollFor(Duration.ofSeconds(1))).hasSize(3);
            assertThat(site.requests("/a")).hasSize(pagesFetched);
            assertThat(states.values()).isNotEmpty();
        }
    }

    static Path logFile(String name) {
        File dir = new File("target");
        dir.mkdirs();
        return dir.toPath().resolve(name + "-child.log");
    }
}
