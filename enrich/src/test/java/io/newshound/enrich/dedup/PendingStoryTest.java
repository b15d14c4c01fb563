package io.newshound.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.events.Article;
import io.newshound.events.DuplicateKind;
import io.newshound.events.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingStoryTest {
    private static final Instant AT = Instant.parse("2026-02-01T08:00:00Z");

    @Test
    void shouldJoinTheEarliestCandidateWhenSlotsFindDifferentArticles() {
        // Slot 0 found the first article; slot 1 found a copy that reached it before the first
        // article did (so it is remembered there as if it started a story), and is more similar.
        Article edited = Texts.article("edited", Texts.STORY, AT);
        PendingStory pending =
                new PendingStory(
                        true,
                        2,
                        List.of(
                                new StoryVote(
                                        "edited", 1, 2, "wrapped", DuplicateKind.NEAR, 0.97, 2_000),
                                new StoryVote(
                                        "edited", 0, 2, "first", DuplicateKind.NEAR, 0.91, 1_000)));

        EnrichedArticle decided = pending.decide(EnrichedArticle.original(edited, List.of()));

        assertThat(decided.storyId()).isEqualTo("first");
        assertThat(decided.duplicateOf()).isEqualTo("first");
        assertThat(decided.similarity()).isEqualTo(0.91);
    }
}
