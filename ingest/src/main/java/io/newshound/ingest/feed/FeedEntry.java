package io.newshound.ingest.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a feed, as Newshound sees it, whatever the feed's format.
 *
 * @param id the entry's GUID, or its link when it has none
 * @param title the entry's title, plain text
 * @param link the absolute link to the entry's page, or null
 * @param published publication time, or the update time, or null when the feed gives neither
 * @param author the author, or null
 * @param summary the entry's description as plain text, or null
 * @param content the entry's full content as plain text when the feed carries it, or null
 */
public record FeedEntry(
        String id,
        String title,
        String link,
        Instant published,
        String author,
        String summary,
        String content) {
    public FeedEntry {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
    }

    /** The fullest text the feed itself offers: its content, else its summary. */
    public String feedText() {
        if (content != null && !content.isBlank()) {
            return content;
        }
        return summary == null ? "" : summary;
    }
}
