package io.newshound.enrich.dedup;

import io.newshound.events.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;

/**
 * An article waiting for its slots' answers.
 *
 * @param article the article, once it arrived (answers can come first)
 * @param probes answers to wait for
 * @param votes answers so far
 */
public record PendingStory(EnrichedArticle article, int probes, List<StoryVote> votes) {
    public PendingStory {
        votes = List.copyOf(votes);
    }

    /** {@code known} (or nothing yet) with {@code message} added. */
    public static PendingStory gather(PendingStory known, StoryMessage message) {
        return (known == null ? new PendingStory(null, -1, List.of()) : known).with(message);
    }

    PendingStory with(StoryMessage message) {
        if (message.article() != null) {
            return new PendingStory(message.article(), message.probes(), votes);
        }
        boolean known = votes.stream().anyMatch(v -> v.slot() == message.vote().slot());
        if (known) {
            return this; // a replayed answer after a restart
        }
        List<StoryVote> more = new ArrayList<>(votes);
        more.add(message.vote());
        return new PendingStory(article, message.probes(), more);
    }

    public boolean complete() {
        return article != null && votes.size() >= probes;
    }

    /** The article with its story decided: the best answer's story, or a story of its own. */
    public EnrichedArticle decide() {
        StoryVote best = null;
        for (StoryVote vote : votes) {
            if (vote.betterThan(best)) {
                best = vote;
            }
        }
        if (best == null) {
            return article;
        }
        return EnrichedArticle.duplicate(
                article.article(),
                article.topics(),
                best.candidate(),
                best.candidate(),
                best.kind(),
                Math.round(best.similarity() * 1000) / 1000.0);
    }
}
