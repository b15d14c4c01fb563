package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Article;
import io.newshound.ingest.extract.ArticleExtractor;
import io.newshound.ingest.feed.FeedParser;
import io.newshound.ingest.feed.HttpFetcher;
import io.newshound.testkit.TestHttpServer;
import io.newshound.testkit.TestHttpServer.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedPollerIT {
    static final Instant T0 = Instant.parse("2026-01-21T12:00:00Z");

    TestHttpServer site;
    SimpleMeterRegistry registry;
    CollectingPublisher publisher;
    FeedPoller poller;

    @BeforeEach
    void setUp() {
        site = TestHttpServer.start();
        registry = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics();
        metrics.bindTo(registry);
        publisher = new CollectingPublisher();
        HttpFetcher fetcher =
                new HttpFetcher(
                        HttpFetcher.defaultClient(Duration.ofSeconds(2)),
                        IngestConfig.DEFAULT_USER_AGENT,
                        Duration.ofSeconds(5),
                        1024 * 1024);
        poller =
                new FeedPoller(
                        fetcher,
                        new FeedParser(),
                        new ArticleExtractor(),
                        publisher,
                        metrics,
                        Clock.fixed(T0, ZoneOffset.UTC),
                        true);
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    String rss(String... itemPaths) {
        StringBuilder items = new StringBuilder();
        for (String path : itemPaths) {
            items.append("<item><title>Story ")
                    .append(path)
                    .append("</title><link>")
                    .append(site.uri(path))
                    .append("?utm_source=rss</link><description>Feed summary of ")
                    .append(path)
                    .append("</description></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Meridian Daily</title>"
                + items
                + "</channel></rss>";
    }

    static String page(String paragraph) {
        return "<html lang=\"en\"><body><nav>Home | World</nav><article><p>"
                + paragraph
                + "</p></article><footer>Meridian Daily</footer></body></html>";
    }

    @Test
    void shouldPublishEachNewEntryOnceWithThePagesText() {
        site.on("/rss.xml", Response.ok("application/rss+xml", rss("/a", "/b")))
                .on("/a", Response.ok("text/html", page("Negotiators met in Geneva on Tuesday.")))
                .on("/b", Response.ok("text/html", page("Shelling was reported near Donetsk.")));
        FeedSource feed = FeedSource.of(site.uri("/rss.xml").toString());

        PollOutcome first = poller.poll(feed);
        PollOutcome second = poller.poll(feed);

        assertThat(first).isEqualTo(PollOutcome.ok(2));
        assertThat(second).isEqualTo(PollOutcome.ok(0));
        assertThat(publisher.articles)
                .extracting(Article::url, Article::outlet, Article::text, Article::language)
                .containsExactly(
                        tuple(
                                site.uri("/a").toString(),
                                "Meridian Daily",
                                "Negotiators met in Geneva on Tuesday.",
                                "en"),
                        tuple(
                                site.uri("/b").toString(),
                                "Meridian Daily",
                                "Shelling was reported near Donetsk.",
                                "en"));
        assertThat(publisher.articles).extracting(Article::published).containsOnly(T0);
        assertThat(site.requests())
                .extracting(r -> r.header("User-Agent"))
                .containsOnly(IngestConfig.DEFAULT_USER_AGENT);
    }

    @Test
    void shouldFallBackToTheFeedTextWhenThePageIsMissing() {
        site.on("/rss.xml", Response.ok("application/rss+xml", rss("/gone")));

        poller.poll(FeedSource.of(site.uri("/rss.xml").toString()));

        assertThat(publisher.articles)
                .extracting(Article::text)
                .containsExactly("Feed summary of /gone");
        assertThat(
                        registry.get("newshound.ingest.extraction.fallbacks")
                                .tag("reason", "page_http_404")
                                .counter()
                                .count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldCountAndReportAFeedAnswering404() {
        FeedSource feed = FeedSource.of(site.uri("/missing.xml").toString());

        PollOutcome outcome = poller.poll(feed);

        assertThat(outcome.outcome()).isEqualTo("http_404");
        assertThat(outcome.problem()).isEqualTo("HTTP 404 for " + site.uri("/missing.xml"));
        assertThat(pollCount(feed, "http_404")).isEqualTo(1.0);
        assertThat(
                        registry.get("newshound.feed.consecutive.errors")
                                .tag("feed", feed.label())
                                .gauge()
                                .value())
                .isEqualTo(1.0);
    }

    @Test
    void shouldCountAndReportAFeedThatIsNotXml() {
        site.on("/feed", Response.ok("text/html", "<html><body>Maintenance</body></html>"));
        FeedSource feed = FeedSource.of(site.uri("/feed").toString());

        PollOutcome outcome = poller.poll(feed);

        assertThat(outcome.outcome()).isEqualTo("not_a_feed");
        assertThat(outcome.problem()).startsWith("not a readable feed: ");
        assertThat(pollCount(feed, "not_a_feed")).isEqualTo(1.0);
        assertThat(publisher.articles).isEmpty();
    }

    @Test
    void shouldPublishAgainNextPollWhenPublishingFailed() {
        site.on("/rss.xml", Response.ok("application/rss+xml", rss("/a")))
                .on("/a", Response.ok("text/html", page("Text.")));
        FeedSource feed = FeedSource.of(site.uri("/rss.xml").toString());
        publisher.failNext = true;

        PollOutcome failed = poller.poll(feed);
        PollOutcome retried = poller.poll(feed);

        assertThat(failed.outcome()).isEqualTo("publish_failed");
        assertThat(retried).isEqualTo(PollOutcome.ok(1));
        assertThat(publisher.articles).hasSize(1);
    }

    double pollCount(FeedSource feed, String outcome) {
        return registry.get("newshound.feed.polls")
                .tag("feed", feed.label())
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    static final class CollectingPublisher implements ArticlePublisher {
        final List<Article> articles = new ArrayList<>();
        boolean failNext;

        @Override
        public void publish(List<Article> batch) throws PublishException {
            if (failNext) {
                failNext = false;
                throw new PublishException("broker unavailable", null);
            }
            articles.addAll(batch);
        }
    }
}
