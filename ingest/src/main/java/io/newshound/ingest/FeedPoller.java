package io.newshound.ingest;

import io.newshound.events.Article;
import io.newshound.events.FeedDefinition;
import io.newshound.events.FeedState;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Polls one feed once: a conditional fetch, its entries read, each new entry's page fetched and
 * extracted. It publishes nothing and throws nothing: its {@link PollResult} carries the new
 * articles and the feed's next state, and the caller publishes both together.
 */
public final class FeedPoller {
    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final ArticleExtractor extractor;
    private final PollSchedule schedule;
    private final Clock clock;
    private final boolean fetchPages;
    private final int remembered;
    private final Duration defaultInterval;

    FeedPoller(
            HttpFetcher fetcher,
            FeedParser parser,
            ArticleExtractor extractor,
            PollSchedule schedule,
            Clock clock,
            IngestConfig config) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.extractor = extractor;
        this.schedule = schedule;
        this.clock = clock;
        this.fetchPages = config.fetchPages();
        this.remembered = config.rememberedEntries();
        this.defaultInterval = config.pollInterval();
    }

    /** Polls {@code feed}, whose last state is {@code state}. */
    public PollResult poll(FeedDefinition feed, FeedState state) {
        Instant start = clock.instant();
        Duration base = feed.interval() == null ? defaultInterval : feed.interval();
        Fetched answer;
        try {
            answer = fetcher.get(URI.create(state.url()), state.etag(), state.lastModified());
        } catch (FetchException e) {
            return failed(feed, state, e.kind().label(), e.getMessage(), null, start);
        } catch (IllegalArgumentException e) {
            return failed(feed, state, "refused", "bad feed address " + state.url(), null, start);
        }
        String url = answer.movedTo() != null ? answer.movedTo().toString() : state.url();
        if (answer.status() == 410) {
            FeedState retired =
                    new FeedState(
                            FeedState.SCHEMA_VERSION,
                            feed.id(),
                            url,
                            null,
                            null,
                            state.interval(),
                            start.plus(Duration.ofDays(36500)),
                            start,
                            state.lastSuccessAt(),
                            state.consecutiveErrors() + 1,
                            "http_410",
                            "HTTP 410 Gone for " + answer.uri() + "; the feed is retired",
                            true,
                            state.seen());
            return new PollResult(
                    feed.id(),
                    retired,
                    List.of(),
                    "http_410",
                    retired.lastError(),
                    answer.wireBytes(),
                    List.of());
        }
        if (answer.isNotModified()) {
            Duration interval = schedule.adapt(state.interval(), base, false);
            return new PollResult(
                    feed.id(),
                    succeeded(
                            state,
                            url,
                            state.etag(),
                            state.lastModified(),
                            interval,
                            schedule.afterSuccess(start, interval, answer, base),
                            start,
                            "http_304",
                            state.seen()),
                    List.of(),
                    "http_304",
                    null,
                    answer.wireBytes(),
                    List.of());
        }
        if (!answer.isOk()) {
            return failed(
                    feed,
                    state.withUrl(url),
                    "http_" + answer.status(),
                    "HTTP " + answer.status() + " for " + answer.uri(),
                    answer,
                    start);
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(answer.body(), answer.contentType(), answer.uri());
        } catch (FeedParseException e) {
            return failed(
                    feed,
                    state.withUrl(url),
                    "not_a_feed",
                    e.getMessage() + " at " + answer.uri(),
                    answer,
                    start);
        }
        SeenEntries seen = SeenEntries.decode(state.seen(), remembered);
        String outlet = feed.name() != null ? feed.name() : outletOf(parsed, answer.uri());
        List<Article> articles = new ArrayList<>();
        Set<String> newKeys = new LinkedHashSet<>();
        List<String> fallbacks = new ArrayList<>();
        long bytes = answer.wireBytes();
        for (FeedEntry entry : parsed.entries()) {
            String key = entryKey(entry);
            if (seen.contains(key) || !newKeys.add(key)) {
                continue;
            }
            Page page = fetchPages && entry.link() != null ? page(entry.link()) : Page.NONE;
            bytes += page.bytes;
            if (page.fallback != null) {
                fallbacks.add(page.fallback);
            }
            articles.add(toArticle(feed, outlet, entry, page.extracted, clock.instant()));
        }
        Duration interval = schedule.adapt(state.interval(), base, !articles.isEmpty());
        FeedState next =
                succeeded(
                        state,
                        url,
                        answer.header("ETag").orElse(null),
                        answer.header("Last-Modified").orElse(null),
                        interval,
                        schedule.afterSuccess(clock.instant(), interval, answer, base),
                        start,
                        "http_" + answer.status(),
                        newKeys.isEmpty() ? state.seen() : seen.plus(newKeys).encode());
        return new PollResult(
                feed.id(), next, articles, "http_" + answer.status(), null, bytes, fallbacks);
    }

    /** The identity of an entry within its feed: its canonical link, else its GUID. */
    static String entryKey(FeedEntry entry) {
        return entry.link() != null ? ArticleIds.canonicalize(entry.link()) : "guid:" + entry.id();
    }

    private record Page(ExtractedPage extracted, long bytes, String fallback) {
        static final Page NONE = new Page(null, 0, null);
    }

    private Page page(String link) {
        Fetched page;
        try {
            page = fetcher.get(URI.create(link));
        } catch (FetchException e) {
            return new Page(null, 0, "page_" + e.kind().label());
        } catch (IllegalArgumentException e) {
            return new Page(null, 0, "page_bad_link");
        }
        if (!page.isOk()) {
            return new Page(null, page.wireBytes(), "page_http_" + page.status());
        }
        ExtractedPage extracted =
                extractor.extract(
                        page.body(), charsetOf(page.contentType()), page.uri().toString());
        return new Page(extracted, page.wireBytes(), extracted.text().isBlank() ? "no_text" : null);
    }

    static Article toArticle(
            FeedDefinition feed, String outlet, FeedEntry entry, ExtractedPage page, Instant now) {
        String text = page == null ? "" : page.text();
        if (text.isBlank()) {
            text = entry.feedText();
        }
        String link = entry.link() != null ? entry.link() : feed.url() + "#" + entry.id();
        String url = ArticleIds.canonicalize(page != null ? page.canonicalUrl() : link);
        Instant published = entry.published();
        if (published == null && page != null) {
            published = page.published();
        }
        return Article.of(
                ArticleIds.idOf(url),
                url,
                feed.id(),
                outlet,
                entry.id(),
                firstNonBlank(entry.title(), page == null ? null : page.title()),
                firstNonBlank(entry.author(), page == null ? null : page.author()),
                published == null || published.isAfter(now) ? now : published,
                now,
                page == null ? null : page.language(),
                text);
    }

    private FeedState succeeded(
            FeedState state,
            String url,
            String etag,
            String lastModified,
            Duration interval,
            Instant next,
            Instant now,
            String outcome,
            String seen) {
        return new FeedState(
                FeedState.SCHEMA_VERSION,
                state.feed(),
                url,
                etag,
                lastModified,
                interval,
                next,
                now,
                now,
                0,
                outcome,
                state.lastError(),
                false,
                seen);
    }

    private PollResult failed(
            FeedDefinition feed,
            FeedState state,
            String outcome,
            String problem,
            Fetched answer,
            Instant now) {
        int errors = state.consecutiveErrors() + 1;
        FeedState next =
                new FeedState(
                        FeedState.SCHEMA_VERSION,
                        state.feed(),
                        state.url(),
                        state.etag(),
                        state.lastModified(),
                        state.interval(),
                        schedule.afterFailure(now, state.interval(), errors, answer),
                        now,
                        state.lastSuccessAt(),
                        errors,
                        outcome,
                        problem,
                        false,
                        state.seen());
        return new PollResult(
                feed.id(),
                next,
                List.of(),
                outcome,
                problem,
                answer == null ? 0 : answer.wireBytes(),
                List.of());
    }

    private static String outletOf(ParsedFeed parsed, URI uri) {
        return parsed.title() != null && !parsed.title().isBlank()
                ? parsed.title().strip()
                : uri.getHost();
    }

    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
