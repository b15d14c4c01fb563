package io.newshound.ingest.feed;

import java.util.List;

/**
 * A feed read by {@link FeedParser}.
 *
 * @param title the feed's title, or null
 * @param entries its entries in document order
 */
public record ParsedFeed(String title, List<FeedEntry> entries) {
    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
