package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.Article;
import io.newshound.events.KafkaSettings;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TestHttpServer;
import io.newshound.testkit.TestHttpServer.Request;
import io.newshound.testkit.TestHttpServer.Response;
import io.newshound.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two ingest instances share the feeds through Kafka's consumer group, with no coordinator of ours.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestScaleOutIT {
    static final int FEEDS = 12;

    static String feedPath(int i) {
        return "/feeds/" + i + ".xml";
    }

    static String rss(TestHttpServer site, int feed, int entries) {
        StringBuilder items = new StringBuilder();
        for (int e = 0; e < entries; e++) {
            items.append("<item><title>Feed ")
                    .append(feed)
                    .append(" story ")
                    .append(e)
                    .append("</title><link>")
                    .append(site.uri("/story/" + feed + "-" + e))
                    .append("</link><description>Story ")
                    .append(feed)
                    .append('-')
                    .append(e)
                    .append(" in brief.</description></item>");
        }
        return "<rss version=\"2.0\"><channel><title>Outlet "
                + feed
                + "</title>"
                + items
                + "</channel></rss>";
    }

    static IngestConfig config(TestHttpServer site, boolean withFeeds, String name) {
        List<FeedSource> feeds =
                withFeeds
                        ? IntStream.range(0, FEEDS)
                                .mapToObj(i -> FeedSource.of(site.uri(feedPath(i)).toString()))
                                .toList()
                        : List.of();
        return IngestConfig.of(feeds)
                .withPollInterval(Duration.ofMillis(300))
                .withPrivateAddresses(true)
                .withPerHost(16, Duration.ZERO)
                .withFetchPages(false)
                .withInstanceId(name)
                .withUserAgent(name);
    }

    @Test
    void shouldSplitTheFeedsBetweenTwoInstancesAndPublishEachArticleOnce(KafkaSettings kafka) {
        try (TestHttpServer site = TestHttpServer.start();
                TopicReader<String, Article> articles =
                        new TopicReader<>(kafka, kafka.topics().articles())) {
            for (int i = 0; i < FEEDS; i++) {
                site.on(feedPath(i), Response.ok("application/rss+xml", rss(site, i, 1)));
            }
            try (IngestApp a =
                    new IngestApp(
                            config(site, true, "instance-a"), kafka, new SimpleMeterRegistry())) {
                a.start();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> articles.records().size() >= FEEDS);

                try (IngestApp b =
                        new IngestApp(
                                config(site, false, "instance-b"),
                                kafka,
                                new SimpleMeterRegistry())) {
                    b.start();
                    await().atMost(Duration.ofSeconds(60))
                            .until(
                                    () ->
                                            !b.feedStates().isEmpty()
                                                    && a.feedStates().size() + b.feedStates().size()
                                                            == FEEDS);
                    int mark = site.requests().size();
                    for (int i = 0; i < FEEDS; i++) {
                        site.on(feedPath(i), Response.ok("application/rss+xml", rss(site, i, 2)));
                    }
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> articles.records().size() >= 2 * FEEDS);
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () ->
                                            IntStream.range(0, FEEDS)
                                                    .allMatch(
                                                            i ->
                                                                    requestsAfter(
                                                                                            site,
                                                                                            mark,
                                                                                            feedPath(
                                                                                                    i))
                                                                                    .size()
                                                                            >= 3));

                    Map<String, Set<String>> pollersByFeed =
                            site.requests().subList(mark, site.requests().size()).stream()
                                    .filter(r -> r.path().startsWith("/feeds/"))
                                    .collect(
                                            Collectors.groupingBy(
                                                    Request::path,
                                                    Collectors.mapping(
                                                            r -> r.header("User-Agent"),
                                                            Collectors.toSet())));
                    assertThat(pollersByFeed).hasSize(FEEDS);
                    assertThat(pollersByFeed.values())
                            .allSatisfy(agents -> assertThat(agents).hasSize(1));
                    assertThat(
                                    pollersByFeed.values().stream()
                                            .flatMap(Set::stream)
                                            .collect(Collectors.toSet()))
                            .containsExactlyInAnyOrder("instance-a", "instance-b");
                    assertThat(a.feedStates().keySet())
                            .doesNotContainAnyElementsOf(b.feedStates().keySet());
                }
            }
            List<String> titles =
                    articles.pollFor(Duration.ofSeconds(1)).stream()
                            .map(ConsumerRecord::value)
                            .map(Article::title)
                            .toList();
            assertThat(titles).hasSize(2 * FEEDS).doesNotHaveDuplicates();
        }
    }

    static List<Request> requestsAfter(TestHttpServer site, int mark, String path) {
        List<Request> all = site.requests();
        return all.subList(mark, all.size()).stream().filter(r -> r.path().equals(path)).toList();
    }
}
