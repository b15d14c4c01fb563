package io.newshound.ingest;

import io.newshound.events.Article;
import io.newshound.ingest.extract.ArticleExtractor;
import io.newshound.ingest.extract.ExtractedPage;
import io.newshound.ingest.feed.FeedEntry;
import io.newshound.ingest.feed.FeedParseException;
import io.newshound.ingest.feed.FeedParser;
import io.newshound.ingest.feed.FetchException;
import io.newshound.ingest.feed.Fetched;
import io.newshound.ingest.feed.HttpFetcher;
import io.newshound.ingest.feed.ParsedFeed;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed at a time: fetches it, reads its entries, fetches and extracts each new entry's
 * page and publishes the new articles.
 *
 * <p>A failing feed never throws: the poll's outcome says what went wrong, it is counted, and it is
 * logged once (again only when the problem changes).
 */
public final class FeedPoller {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final int REMEMBERED_PER_FEED = 10_000;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final ArticleExtractor extractor;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final boolean fetchPages;
    private final Map<URI, Set<String>> published = new ConcurrentHashMap<>();

    public FeedPoller(
            HttpFetcher fetcher,
            FeedParser parser,
            ArticleExtractor extractor,
            ArticlePublisher publisher,
            IngestMetrics metrics,
            Clock clock,
            boolean fetchPages) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.extractor = extractor;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.fetchPages = fetchPages;
    }

    /** Polls {@code feed} once and publishes what is new in it. */
    public PollOutcome poll(FeedSource feed) {
        Instant start = clock.instant();
        PollOutcome outcome = pollOnce(feed);
        Instant end = clock.instant();
        metrics.polled(feed.label(), outcome, Duration.between(start, end));
        FeedHealth before = metrics.healthOf(feed.label());
        metrics.recordHealth(feed.label(), before.after(outcome, end));
        if (!outcome.isOk()) {
            if (!outcome.problem().equals(before.lastError()) || before.consecutiveErrors() == 0) {
                log.warn("feed {}: {}", feed.url(), outcome.problem());
            } else {
                log.debug("feed {}: {} (again)", feed.url(), outcome.problem());
            }
        } else if (before.consecutiveErrors() > 0) {
            log.info(
                    "feed {}: recovered after {} failed polls",
                    feed.url(),
                    before.consecutiveErrors());
        }
        return outcome;
    }

    private PollOutcome pollOnce(FeedSource feed) {
        Fetched answer;
        try {
            answer = fetcher.get(feed.url());
        } catch (FetchException e) {
            return PollOutcome.failed(e.kind().label(), e.getMessage());
        }
        if (!answer.isOk()) {
            return PollOutcome.failed(
                    "http_" + answer.status(), "HTTP " + answer.status() + " for " + answer.uri());
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(answer.body(), answer.contentType(), answer.uri());
        } catch (FeedParseException e) {
            return PollOutcome.failed("not_a_feed", e.getMessage());
        }
        Set<String> seen = published.computeIfAbsent(feed.url(), u -> boundedSet());
        List<Article> fresh = new ArrayList<>();
        Set<String> batch = new HashSet<>();
        String outlet = feed.name() != null ? feed.name() : orHost(parsed.title(), feed.url());
        for (FeedEntry entry : parsed.entries()) {
            String entryKey =
                    entry.link() != null ? ArticleIds.canonicalize(entry.link()) : entry.id();
            if (seen.contains(entryKey) || !batch.add(entryKey)) {
                continue;
            }
            fresh.add(toArticle(feed, outlet, entry));
        }
        if (fresh.isEmpty()) {
            return PollOutcome.ok(0);
        }
        try {
            publisher.publish(fresh);
        } catch (ArticlePublisher.PublishException e) {
            return PollOutcome.failed("publish_failed", e.getMessage());
        }
        seen.addAll(batch);
        return PollOutcome.ok(fresh.size());
    }

    private Article toArticle(FeedSource feed, String outlet, FeedEntry entry) {
        Instant now = clock.instant();
        ExtractedPage page = fetchPages && entry.link() != null ? fetchPage(entry.link()) : null;
        String text = page == null ? "" : page.text();
        if (text.isBlank()) {
            text = entry.feedText();
        }
        String url =
                ArticleIds.canonicalize(
                        page != null
                                ? page.canonicalUrl()
                                : entry.link() != null
                                        ? entry.link()
                                        : feed.url() + "#" + entry.id());
        Instant published = entry.published();
        if (published == null && page != null) {
            published = page.published();
        }
        return Article.of(
                ArticleIds.idOf(url),
                url,
                feed.url().toString(),
                outlet,
                entry.id(),
                firstNonBlank(entry.title(), page == null ? null : page.title()),
                firstNonBlank(entry.author(), page == null ? null : page.author()),
                published == null ? now : published,
                now,
                page == null ? null : page.language(),
                text);
    }

    private ExtractedPage fetchPage(String link) {
        Fetched page;
        try {
            page = fetcher.get(URI.create(link));
        } catch (FetchException | IllegalArgumentException e) {
            metrics.fallback("page_unreachable");
            log.debug("page {}: {}; using the feed's text", link, e.getMessage());
            return null;
        }
        if (!page.isOk()) {
            metrics.fallback("page_http_" + page.status());
            log.debug("page {}: HTTP {}; using the feed's text", link, page.status());
            return null;
        }
        ExtractedPage extracted =
                extractor.extract(new String(page.body(), charsetOf(page)), page.uri().toString());
        if (extracted.text().isBlank()) {
            metrics.fallback("no_text");
        }
        return extracted;
    }

    private static Charset charsetOf(Fetched page) {
        String type = page.contentType();
        if (type != null) {
            Matcher m = CHARSET.matcher(type);
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1));
                } catch (IllegalArgumentException ignored) {
                    // An unknown charset name: fall back to UTF-8, the web's default.
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static Set<String> boundedSet() {
        return Collections.synchronizedSet(
                Collections.newSetFromMap(
                        new LinkedHashMap<>() {
                            @Override
                            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                                return size() > REMEMBERED_PER_FEED;
                            }
                        }));
    }

    private static String orHost(String title, URI url) {
        return title != null && !title.isBlank() ? title.strip() : url.getHost();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
