package io.newshound.enrich.dedup;

import io.newshound.events.EnrichedArticle;

/**
 * What meets, keyed by article id, to decide an article's story: the article itself (with the
 * number of answers to wait for) or one slot's answer.
 */
public record StoryMessage(EnrichedArticle article, int probes, StoryVote vote) {
    public static StoryMessage of(EnrichedArticle article, int probes) {
        return new StoryMessage(article, probes, null);
    }

    public static StoryMessage of(StoryVote vote) {
        return new StoryMessage(null, vote.probes(), vote);
    }
}
