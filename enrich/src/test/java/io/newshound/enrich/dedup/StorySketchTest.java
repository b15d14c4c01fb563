package io.newshound.enrich.dedup;

import static io.newshound.enrich.dedup.Texts.STORY;
import static io.newshound.enrich.dedup.Texts.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StorySketchTest {
    @Test
    void shouldScoreACopyWrappedInBoilerplateAsContained() {
        String page = words(new Random(1), 40) + " " + STORY + " " + words(new Random(2), 40);

        StorySketch story = StorySketch.of(STORY);
        StorySketch wrapped = StorySketch.of(page);

        assertThat(story.similarity(wrapped)).isGreaterThan(0.8);
        assertThat(wrapped.similarity(story)).isEqualTo(story.similarity(wrapped));
    }

    @Test
    void shouldNotTakeAShortTextForACopyOfALongOneThatSharesAPhraseWithIt() {
        // Each long text is unrelated but quotes the story's first sentence. Too few of the short
        // text's hashes fall in the range the long text's sketch covers to tell, so: not a copy.
        String firstSentence = STORY.substring(0, STORY.indexOf('.') + 1);
        Random random = new Random(3);
        StorySketch story = StorySketch.of(STORY);
        for (int i = 0; i < 200; i++) {
            String page = words(random, 500) + " " + firstSentence + " " + words(random, 500);
            assertThat(story.similarity(StorySketch.of(page))).as("page %d", i).isZero();
        }
    }

    @Test
    void shouldSeeLittleOfADifferentArticleOfTheSameLengthInAnother() {
        Random random = new Random(4);
        for (int i = 0; i < 50; i++) {
            StorySketch a = StorySketch.of(words(random, 300));
            StorySketch b = StorySketch.of(words(random, 300));
            assertThat(a.similarity(b)).isLessThan(0.2);
        }
    }

    @Test
    void shouldKeepTheSmallestDistinctHashesAndCountTheDistinctOnes() {
        Random random = new Random(6);
        for (int round = 0; round < 300; round++) {
            // Few distinct values in some rounds, so that repeats and ties at the heap's top occur.
            int length = random.nextInt(3_000);
            int range = round % 3 == 0 ? 1 + random.nextInt(100) : Integer.MAX_VALUE;
            int[] hashes = new int[length];
            TreeSet<Integer> distinct = new TreeSet<>();
            for (int i = 0; i < length; i++) {
                hashes[i] =
                        range == Integer.MAX_VALUE ? random.nextInt() : random.nextInt(range) - 50;
                distinct.add(hashes[i]);
            }

            StorySketch sketch = StorySketch.smallest(hashes);

            assertThat(sketch.size()).isEqualTo(distinct.size());
            assertThat(sketch.hashes())
                    .containsExactly(
                            distinct.stream().limit(StorySketch.K).mapToInt(i -> i).toArray());
        }
    }

    @Test
    void shouldLeaveTooShortBodiesToExactComparison() {
        assertThat(StorySketch.of("The talks resumed on Monday, officials said.")).isNull();
    }
}
