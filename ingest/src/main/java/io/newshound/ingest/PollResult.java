package io.newshound.ingest;

import io.newshound.events.Article;
import io.newshound.events.FeedState;
import java.util.List;

/**
 * What one poll of one feed produced, before it is published.
 *
 * @param feed the feed's id
 * @param state the feed's state after the poll
 * @param articles the new articles to publish
 * @param outcome what happened: {@code http_200}, {@code http_304}, {@code http_404}, {@code
 *     not_a_feed}, {@code timeout}, {@code unreachable}, {@code too_large}, {@code refused}, {@code
 *     bad_encoding}
 * @param problem one line saying what was wrong, or null when the poll succeeded
 * @param wireBytes bytes received for the feed and its pages
 * @param fallbacks why pages fell back to the feed's text, one entry per page
 */
public record PollResult(
        String feed,
        FeedState state,
        List<Article> articles,
        String outcome,
        String problem,
        long wireBytes,
        List<String> fallbacks) {
    public PollResult {
        articles = List.copyOf(articles);
        fallbacks = List.copyOf(fallbacks);
    }

    public boolean isOk() {
        return problem == null;
    }
}
