package io.newshound.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An article as ingest publishes it: where it came from, when, and its extracted text.
 *
 * @param schemaVersion version of this record's shape, {@link #SCHEMA_VERSION} when written
 * @param id stable id derived from the article's canonical URL; the Kafka key
 * @param url canonical URL of the article
 * @param feed the feed or source it was found in
 * @param outlet the publication's name, as the feed or page states it
 * @param guid the entry's GUID in the feed, or the URL when it has none
 * @param title headline
 * @param author byline, or null
 * @param published publication time, or fetch time when the source gives none
 * @param fetched when ingest fetched it
 * @param language ISO language code, or null when unknown
 * @param text main body text, paragraphs separated by blank lines
 */
public record Article(
        int schemaVersion,
        String id,
        String url,
        String feed,
        String outlet,
        String guid,
        String title,
        String author,
        Instant published,
        Instant fetched,
        String language,
        String text) {

    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public Article {
        SchemaVersions.check("Article", schemaVersion, SCHEMA_VERSION);
        SchemaVersions.requireText(id, "id");
        SchemaVersions.requireText(url, "url");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(outlet, "outlet");
        guid = guid == null || guid.isBlank() ? url : guid;
        title = title == null ? "" : title;
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(fetched, "fetched");
        text = text == null ? "" : text;
    }

    /** An article of the current schema version. */
    public static Article of(
            String id,
            String url,
            String feed,
            String outlet,
            String guid,
            String title,
            String author,
            Instant published,
            Instant fetched,
            String language,
            String text) {
        return new Article(
                SCHEMA_VERSION,
                id,
                url,
                feed,
                outlet,
                guid,
                title,
                author,
                published,
                fetched,
                language,
                text);
    }

    /** Title and body as one text, the title first: what topic rules and claims look at. */
    public String fullText() {
        return title.isEmpty() ? text : title + "\n\n" + text;
    }
}
