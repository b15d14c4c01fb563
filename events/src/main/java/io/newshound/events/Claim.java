package io.newshound.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A sourced claim found in an article: who claims what, on whose authority, and whether it is new.
 *
 * @param schemaVersion version of this record's shape
 * @param id unique id: the article's id and the claim's position in it
 * @param fingerprint content fingerprint: equal for claims judged to say the same thing
 * @param articleId the article it was found in
 * @param articleUrl the article's URL
 * @param articleTitle the article's title
 * @param outlet the outlet that published the article
 * @param published the article's publication time
 * @param topics the article's topics
 * @param source who makes the claim, as written ("Bloomberg", "people familiar with the matter")
 * @param sourceType what kind of source that is
 * @param relayedBy the outlet relaying an anonymous source, or null
 * @param cue the reporting verb or phrase ("reports", "according to")
 * @param content what is claimed
 * @param quote whether the content is a direct quote
 * @param denial whether the claim denies something
 * @param sourceSpan where the source is in the article's full text
 * @param cueSpan where the cue is
 * @param contentSpan where the content is
 * @param novel whether no claim with this content was seen before in the window
 * @param repeatOf the id of the first claim with this content when this one repeats it, else null
 * @param provenance first report and outlets since
 */
public record Claim(
        int schemaVersion,
        String id,
        String fingerprint,
        String articleId,
        String articleUrl,
        String articleTitle,
        String outlet,
        Instant published,
        List<String> topics,
        String source,
        SourceType sourceType,
        String relayedBy,
        String cue,
        String content,
        boolean quote,
        boolean denial,
        Span sourceSpan,
        Span cueSpan,
        Span contentSpan,
        boolean novel,
        String repeatOf,
        Provenance provenance) {

    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public Claim {
        SchemaVersions.check("Claim", schemaVersion, SCHEMA_VERSION);
        SchemaVersions.requireText(id, "id");
        SchemaVersions.requireText(fingerprint, "fingerprint");
        SchemaVersions.requireText(articleId, "articleId");
        Objects.requireNonNull(articleUrl, "articleUrl");
        articleTitle = articleTitle == null ? "" : articleTitle;
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(published, "published");
        topics = List.copyOf(topics);
        SchemaVersions.requireText(source, "source");
        Objects.requireNonNull(sourceType, "sourceType");
        SchemaVersions.requireText(cue, "cue");
        SchemaVersions.requireText(content, "content");
        if (novel && repeatOf != null) {
            throw new IllegalArgumentException("a novel claim repeats nothing");
        }
    }

    /** This claim with the novelty decision applied. */
    public Claim withNovelty(boolean novel, String repeatOf, Provenance provenance) {
        return new Claim(
                schemaVersion,
                id,
                fingerprint,
                articleId,
                articleUrl,
                articleTitle,
                outlet,
                published,
                topics,
                source,
                sourceType,
                relayedBy,
                cue,
                content,
                quote,
                denial,
                sourceSpan,
                cueSpan,
                contentSpan,
                novel,
                repeatOf,
                provenance);
    }

    /** This claim tagged with its article's topics. */
    public Claim withTopics(List<String> topics) {
        return new Claim(
                schemaVersion,
                id,
                fingerprint,
                articleId,
                articleUrl,
                articleTitle,
                outlet,
                published,
                topics,
                source,
                sourceType,
                relayedBy,
                cue,
                content,
                quote,
                denial,
                sourceSpan,
                cueSpan,
                contentSpan,
                novel,
                repeatOf,
                provenance);
    }
}
