package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newshound.events.Article;
import io.newshound.events.FeedDefinition;
import io.newshound.events.FeedState;
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

/** One poll at a time against a real local HTTP server. */
class FeedPollerIT {
    static final Instant T0 = Instant.parse("2026-01-21T12:00:00Z");
    static final Duration BASE = Duration.ofMinutes(5);

    TestHttpServer site;
    final List<HttpFetcher> fetchers = new ArrayList<>();
    FeedPoller poller;

    @BeforeEach
    void setUp() {
        site = TestHttpServer.start();
        poller = poller(true);
    }

    FeedPoller poller(boolean allowPrivate) {
        IngestConfig config =
                IngestConfig.of(List.of())
                        .withPrivateAddresses(allowPrivate)
                        .withPerHost(8, Duration.ZERO)
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
        HttpFetcher fetcher = IngestApp.fetcher(config);
        fetchers.add(fetcher);
        return IngestApp.poller(config, fetcher, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        fetchers.forEach(HttpFetcher::close);
        site.close();
    }

    FeedDefinition feed(String path) {
        return FeedDefinition.of(site.uri(path).toString(), "Meridian Daily", BASE);
    }

    static FeedState fresh(FeedDefinition feed) {
        return FeedState.initial(feed.id(), BASE, T0);
    }

    String rss(String... items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            String[] parts = item.split("\\|");
            String guid = parts.length > 1 ? parts[1] : parts[0];
            out.append("<item><title>Story ")
                    .append(parts[0])
                    .append("</title><link>")
                    .append(site.uri(parts[0]))
                    .append("?utm_source=rss</link><guid isPermaLink=\"false\">")
                    .append(guid)
                    .append("</guid><description>Feed summary of ")
                    .append(parts[0])
                    .append("</description></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Meridian</title>"
                + out
                + "</channel></rss>";
    }

    static Response page(String paragraph) {
        return Response.ok(
                "text/html; charset=utf-8",
                "<html lang=\"en\"><body><nav>Home | World</nav><article><p>"
                        + paragraph
                        + "</p></article><footer>Meridian Daily</footer></body></html>");
    }

    @Test
    void shouldFindEachNewEntryOnceWithItsPagesText() {
        site.on("/rss.xml", Response.ok("application/rss+xml", rss("/a", "/b")))
                .on("/a", page("Negotiators met in Geneva on Tuesday to talk about the plan."))
                .on("/b", page("Shelling was reported near Donetsk overnight by local officials."));
        FeedDefinition feed = feed("/rss.xml");

        PollResult first = poller.poll(feed, fresh(feed));
        PollResult second = poller.poll(feed, first.state().dueAt(T0));

        assertThat(first.outcome()).isEqualTo("http_200");
        assertThat(first.articles())
                .extracting(Article::url, Article::outlet, Article::text, Article::published)
                .containsExactly(
                        tuple(
                                site.uri("/a").toString(),
                                "Meridian Daily",
                                "Negotiators met in Geneva on Tuesday to talk about the plan.",
                                T0),
                        tuple(
                                site.uri("/b").toString(),
                                "Meridian Daily",
                                "Shelling was reported near Donetsk overnight by local officials.",
                                T0));
        assertThat(second.articles()).isEmpty();
        assertThat(site.requests())
                .extracting(r -> r.header("User-Agent"))
                .containsOnly(IngestConfig.DEFAULT_USER_AGENT);
    }

    @Test
    void shouldAskConditionallyAndTakeA304AsNoNews() {
        site.on(
                        "/rss.xml",
                        Response.ok("application/rss+xml", rss("/a")).withHeader("ETag", "\"v1\""))
                .on("/a", page("A paragraph long enough to be the article's text for this test."));
        FeedDefinition feed = feed("/rss.xml");

        PollResult first = poller.poll(feed, fresh(feed));
        PollResult second = poller.poll(feed, first.state());

        assertThat(first.state().etag()).isEqualTo("\"v1\"");
        assertThat(site.requests("/rss.xml"))
                .last()
                .satisfies(r -> assertThat(r.header("If-None-Match")).isEqualTo("\"v1\""));
        assertThat(second.outcome()).isEqualTo("http_304");
        assertThat(second.articles()).isEmpty();
        assertThat(second.state().interval()).isGreaterThan(first.state().interval());
    }

    @Test
    void shouldNotPublishAgainWhenOnlyTheGuidsChanged() {
        site.on("/rss.xml", Response.ok("application/rss+xml", rss("/a|guid-1", "/b|guid-2")));
        FeedDefinition feed = feed("/rss.xml");
        PollResult first = poller.poll(feed, fresh(feed));
        site.on(
                "/rss.xml",
                Response.ok("application/rss+xml", rss("/a|guid-1-edited", "/b|other-guid")));

        PollResult second = poller.poll(feed, first.state());

        assertThat(first.articles()).hasSize(2);
        assertThat(second.articles()).isEmpty();
    }

    @Test
    void shouldRememberWhereAFeedMovedPermanently() {
        site.on("/old.xml", Response.status(301).withHeader("Location", "/new.xml"))
                .on("/new.xml", Response.ok("application/rss+xml", rss()));
        FeedDefinition feed = feed("/old.xml");

        PollResult first = poller.poll(feed, fresh(feed));
        poller.poll(feed, first.state());

        assertThat(first.state().url()).isEqualTo(site.uri("/new.xml").toString());
        assertThat(site.requests("/old.xml")).hasSize(1);
        assertThat(site.requests("/new.xml")).hasSize(2);
    }

    @Test
    void shouldKeepTheAddressAfterATemporaryRedirect() {
        site.on("/feed.xml", Response.status(302).withHeader("Location", "/elsewhere.xml"))
                .on("/elsewhere.xml", Response.ok("application/rss+xml", rss()));
        FeedDefinition feed = feed("/feed.xml");

        PollResult result = poller.poll(feed, fresh(feed));

        assertThat(result.outcome()).isEqualTo("http_200");
        assertThat(result.state().url()).isEqualTo(site.uri("/feed.xml").toString());
    }

    @Test
    void shouldRetireAFeedThatIsGone() {
        site.on("/gone.xml", Response.status(410));
        FeedDefinition feed = feed("/gone.xml");

        PollResult result = poller.poll(feed, fresh(feed));

        assertThat(result.outcome()).isEqualTo("http_410");
        assertThat(result.state().retired()).isTrue();
        assertThat(result.problem()).contains("410 Gone").contains("retired");
    }

    @Test
    void shouldWaitAsLongAsTooManyRequestsSays() {
        site.on("/busy.xml", Response.status(429).withHeader("Retry-After", "7200"));
        FeedDefinition feed = feed("/busy.xml");

        PollResult result = poller.poll(feed, fresh(feed));

        assertThat(result.outcome()).isEqualTo("http_429");
        assertThat(result.state().consecutiveErrors()).isEqualTo(1);
        assertThat(result.state().nextPollAt()).isAfterOrEqualTo(T0.plusSeconds(7200));
    }

    @Test
    void shouldHonourCacheControlMaxAge() {
        site.on(
                "/cached.xml",
                Response.ok("application/rss+xml", rss())
                        .withHeader("Cache-Control", "public, max-age=900"));
        FeedDefinition feed = feed("/cached.xml");

        PollResult result = poller.poll(feed, fresh(feed));

        assertThat(result.state().nextPollAt()).isAfterOrEqualTo(T0.plusSeconds(900));
    }

    @Test
    void shouldBackOffAfterEachFailure() {
        FeedDefinition feed = feed("/missing.xml");

        PollResult first = poller.poll(feed, fresh(feed));
        PollResult second = poller.poll(feed, first.state());
        PollResult third = poller.poll(feed, second.state());

        assertThat(third.outcome()).isEqualTo("http_404");
        assertThat(third.problem()).isEqualTo("HTTP 404 for " + site.uri("/missing.xml"));
        assertThat(third.state().consecutiveErrors()).isEqualTo(3);
        // Base 5 min doubled twice, less at most a tenth of jitter.
        assertThat(Duration.between(T0, third.state().nextPollAt()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(18));
    }

    @Test
    void shouldSayAFeedIsNotAFeed() {
        site.on("/feed", Response.ok("text/html", "<html><body>Maintenance</body></html>"));
        FeedDefinition feed = feed("/feed");

        PollResult result = poller.poll(feed, fresh(feed));

        assertThat(result.outcome()).isEqualTo("not_a_feed");
        assertThat(result.problem())
                .startsWith("not a readable feed: ")
                .endsWith(" at " + site.uri("/feed"));
    }

    @Test
    void shouldFallBackToTheFeedTextWhenThePageIsMissing() {
        site.on("/rss.xml", Response.ok("application/rss+xml", rss("/gone")));
        FeedDefinition feed = feed("/rss.xml");

        PollResult result = poller.poll(feed, fresh(feed));

        assertThat(result.articles())
                .extracting(Article::text)
                .containsExactly("Feed summary of /gone");
        assertThat(result.fallbacks()).containsExactly("page_http_404");
    }

    @Test
    void shouldRefuseALocalAddressUnlessAllowed() {
        site.on("/rss.xml", Response.ok("application/rss+xml", rss()));
        FeedDefinition feed = feed("/rss.xml");

        PollResult result = poller(false).poll(feed, fresh(feed));

        assertThat(result.outcome()).isEqualTo("refused");
        assertThat(result.problem())
                .contains("is a private address (127.0.0.1)")
                .contains("ingest.allow-private-addresses");
        assertThat(site.requests()).isEmpty();
    }
}
