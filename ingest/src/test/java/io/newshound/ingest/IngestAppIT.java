package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Article;
import io.newshound.events.FeedState;
import io.newshound.events.KafkaSettings;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.LogCapture;
import io.newshound.testkit.TestHttpServer;
import io.newshound.testkit.TestHttpServer.Response;
import io.newshound.testkit.TopicReader;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class IngestAppIT {

    static IngestConfig config(TestHttpServer site, String... paths) {
        return IngestConfig.of(
                        Arrays.stream(paths)
                                .map(p -> FeedSource.of(site.uri(p).toString()))
                                .toList())
                .withPollInterval(Duration.ofMillis(300))
                .withPrivateAddresses(true)
                .withPerHost(8, Duration.ZERO)
                .withInstanceId("it-1");
    }

    static String rss(TestHttpServer site, String title, String path) {
        return "<rss version=\"2.0\"><channel><title>Kyiv Ledger</title><item><title>"
                + title
                + "</title><link>"
                + site.uri(path)
                + "</link></item></channel></rss>";
    }

    @Test
    void shouldPublishArticlesOfGoodFeedsWhileBadFeedsAreCounted(KafkaSettings kafka) {
        try (TestHttpServer site = TestHttpServer.start()) {
            site.on(
                            "/good.xml",
                            Response.ok(
                                    "application/rss+xml",
                                    rss(site, "Grain corridor reopens", "/grain")))
                    .on(
                            "/grain",
                            Response.ok(
                                    "text/html",
                                    "<article><p>Ships left Odesa at dawn, the port authority said on Monday.</p></article>"))
                    .on("/html", Response.ok("text/html", "<html><p>Not a feed</p></html>"));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();

            try (LogCapture log = LogCapture.of("io.newshound.ingest");
                    IngestApp ingest =
                            new IngestApp(
                                    config(site, "/missing.xml", "/html", "/good.xml"),
                                    kafka,
                                    registry);
                    TopicReader<String, Article> articles =
                            new TopicReader<>(kafka, kafka.topics().articles())) {
                ingest.start();

                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () ->
                                        polls(registry, "http_404") >= 2
                                                && polls(registry, "not_a_feed") >= 2);
                assertThat(articles.pollFor(Duration.ofSeconds(1)))
                        .extracting(r -> r.value().title(), r -> r.value().text())
                        .containsExactly(
                                tuple(
                                        "Grain corridor reopens",
                                        "Ships left Odesa at dawn, the port authority said on Monday."));
                // Each bad feed is logged once, in one line naming it, though polled again.
                assertThat(log.lines("WARN"))
                        .satisfiesExactlyInAnyOrder(
                                line ->
                                        assertThat(line)
                                                .isEqualTo(
                                                        "feed "
                                                                + site.uri("/missing.xml")
                                                                + ": HTTP 404 for "
                                                                + site.uri("/missing.xml")),
                                line ->
                                        assertThat(line)
                                                .startsWith(
                                                        "feed "
                                                                + site.uri("/html")
                                                                + ": not a readable feed: "));
                assertThat(log.lines("WARN"))
                        .allSatisfy(line -> assertThat(line).doesNotContain("\n"));
                assertThat(ingest.health().check().detail())
                        .startsWith("polling 3 feeds, 2 failing");
                assertThat(
                                registry.get("newshound.feed.consecutive.errors")
                                        .tag("feed", site.uri("/missing.xml").toString())
                                        .gauge()
                                        .value())
                        .isGreaterThanOrEqualTo(2.0);
            }
        }
    }

    @Test
    void shouldResumeFromItsStateInKafkaAfterARestart(KafkaSettings kafka) {
        try (TestHttpServer site = TestHttpServer.start()) {
            site.on(
                            "/feed.xml",
                            Response.ok(
                                            "application/rss+xml",
                                            rss(site, "Envoys arrive", "/envoys"))
                                    .withHeader("ETag", "\"e1\""))
                    .on(
                            "/envoys",
                            Response.ok(
                                    "text/html",
                                    "<article><p>The envoys arrived in the capital late on Sunday evening.</p></article>"));
            IngestConfig config = config(site, "/feed.xml");

            try (TopicReader<String, Article> articles =
                            new TopicReader<>(kafka, kafka.topics().articles());
                    TopicReader<String, FeedState> states =
                            new TopicReader<>(kafka, kafka.topics().feedState())) {
                try (IngestApp first = new IngestApp(config, kafka, new SimpleMeterRegistry())) {
                    first.start();
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> articles.records().size() == 1);
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () ->
                                            states.values().stream()
                                                    .anyMatch(s -> "\"e1\"".equals(s.etag())));
                }
                int requestsBefore = site.requests("/feed.xml").size();

                try (IngestApp second = new IngestApp(config, kafka, new SimpleMeterRegistry())) {
                    second.start();
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> site.requests("/feed.xml").size() >= requestsBefore + 2);
                }

                // The restarted instance read the validators and published entries from Kafka.
                assertThat(site.requests("/feed.xml").get(requestsBefore).header("If-None-Match"))
                        .isEqualTo("\"e1\"");
                assertThat(articles.pollFor(Duration.ofSeconds(1))).hasSize(1);
            }
        }
    }

    static double polls(SimpleMeterRegistry registry, String outcome) {
        return registry.find("newshound.feed.polls").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
