package io.newshound.enrich.dedup;

import io.newshound.events.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;

/**
 * What is known of an article waiting for its slots' answers. The article itself is kept apart,
 * once: this record is read and written again at every answer, and copying a 5 KB article with it
 * each time cost more than the decision.
 *
 * @param arrived whether the article has arrived (answers can come first)
 * @param probes answers to wait for
 * @param votes answers so far
 */
public record PendingStory(boolean arrived, int probes, List<StoryVote> votes) {
    public PendingStory {
        votes = List.copyOf(votes);
    }

    /** {@code known} (or nothing yet) with {@code message} added. */
    public static PendingStory gather(PendingStory known, StoryMessage message) {
        return (known == null ? new PendingStory(false, -1, List.of()) : known).with(message);
    }

    PendingStory with(StoryMessage message) {
        if (message.hasArticle()) {
            return new PendingStory(true, message.probes(), votes);
        }
        boolean known = votes.stream().anyMatch(v -> v.slot() == message.vote().slot());
        if (known) {
            return this; // a replayed answer after a restart
        }
        List<StoryVote> more = new ArrayList<>(votes);
        more.add(message.vote());
        return new PendingStory(arrived, message.probes(), more);
    }

    public boolean complete() {
        return arrived && votes.size() >= probes;
    }

    /** {@code article} with its story decided: the best answer's story, or a story of its own. */
    public EnrichedArticle decide(EnrichedArticle article) {
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
