package io.newshound.enrich.dedup;

import io.newshound.events.EnrichedArticle;
import io.newshound.events.JsonSerde;
import java.util.Arrays;
import java.util.Objects;

/**
 * What meets, keyed by article id, to decide an article's story: the article itself (with the
 * number of answers to wait for) or one slot's answer.
 *
 * <p>The article travels as the JSON of its event and is read only once, when its story is decided:
 * on its way it is written to the waiting store and read back as it came, and reading and writing a
 * 5 KB article at each of those steps cost the stream threads a tenth of their time.
 *
 * @param articleJson the article's event as JSON, or null for an answer
 * @param probes answers to wait for
 * @param vote a slot's answer, or null for the article
 */
public record StoryMessage(byte[] articleJson, int probes, StoryVote vote) {
    private static final JsonSerde<EnrichedArticle> ARTICLE = JsonSerde.of(EnrichedArticle.class);

    public static StoryMessage of(EnrichedArticle article, int probes) {
        return new StoryMessage(ARTICLE.serialize("", article), probes, null);
    }

    public static StoryMessage of(StoryVote vote) {
        return new StoryMessage(null, vote.probes(), vote);
    }

    /** Whether this is the article rather than an answer. */
    public boolean hasArticle() {
        return articleJson != null;
    }

    /** The article of {@code json}, as {@link #articleJson} carries it. */
    public static EnrichedArticle article(byte[] json) {
        return ARTICLE.deserialize("", json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoryMessage m
                && Arrays.equals(m.articleJson, articleJson)
                && m.probes == probes
                && Objects.equals(m.vote, vote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(articleJson), probes, vote);
    }

    @Override
    public String toString() {
        return "StoryMessage["
                + (hasArticle() ? "article of " + articleJson.length + " bytes" : "vote " + vote)
                + ", probes="
                + probes
                + "]";
    }
}
