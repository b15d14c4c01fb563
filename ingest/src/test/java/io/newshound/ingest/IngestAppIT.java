package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Article;
import io.newshound.events.KafkaSettings;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.LogCapture;
import io.newshound.testkit.TestHttpServer;
import io.newshound.testkit.TestHttpServer.Response;
import io.newshound.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class IngestAppIT {

    @Test
    void shouldPublishArticlesOfGoodFeedsWhileBadFeedsAreCounted(KafkaSettings kafka) {
        try (TestHttpServer site = TestHttpServer.start()) {
            site.on(
                            "/good.xml",
                            Response.ok(
                                    "application/rss+xml",
                                    "<rss version=\"2.0\"><channel><title>Kyiv Ledger</title>"
                                            + "<item><title>Grain corridor reopens</title><link>"
                                            + site.uri("/grain")
                                            + "</link></item></channel></rss>"))
                    .on(
                            "/grain",
                            Response.ok(
                                    "text/html",
                                    "<article><p>Ships left Odesa at dawn, the port said.</p></article>"))
                    .on("/html", Response.ok("text/html", "<html><p>Not a feed</p></html>"));
            IngestConfig config =
                    IngestConfig.of(
                                    List.of(
                                            FeedSource.of(site.uri("/missing.xml").toString()),
                                            FeedSource.of(site.uri("/html").toString()),
                                            FeedSource.of(site.uri("/good.xml").toString())))
                            .withPollInterval(Duration.ofMillis(300));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();

            try (LogCapture log = LogCapture.of("io.newshound.ingest");
                    IngestApp ingest = new IngestApp(config, kafka, registry);
                    TopicReader<String, Article> articles =
                            new TopicReader<>(kafka, kafka.topics().articles())) {
                ingest.start();

                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        polls(registry, "http_404") >= 2
                                                && polls(registry, "not_a_feed") >= 2);
                assertThat(articles.pollFor(Duration.ofSeconds(1)))
                        .extracting(r -> r.value().title(), r -> r.value().text())
                        .containsExactly(
                                tuple(
                                        "Grain corridor reopens",
                                        "Ships left Odesa at dawn, the port said."));
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
                        .isEqualTo("polling 3 feeds, 2 failing");
            }
        }
    }

    static double polls(SimpleMeterRegistry registry, String outcome) {
        return registry.find("newshound.feed.polls").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
