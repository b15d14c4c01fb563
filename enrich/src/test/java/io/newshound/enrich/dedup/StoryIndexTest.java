package io.newshound.enrich.dedup;

import static io.newshound.enrich.dedup.Texts.STORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.events.DuplicateKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One slot of the story index, on Kafka Streams' own RocksDB window stores. */
class StoryIndexTest {
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final long T0 = Instant.parse("2026-02-01T08:00:00Z").toEpochMilli();

    @TempDir Path state;
    private StandaloneStoryIndex slot;
    private StoryIndex index;

    @BeforeEach
    void openStores() {
        slot = new StandaloneStoryIndex(state, WINDOW, 0.6);
        index = slot.index();
    }

    @AfterEach
    void close() {
        slot.close();
    }

    @Test
    void shouldTakeTheArticleThatArrivedFirstForTheOriginalAndRememberOnlyIt() {
        // B reaches this slot first, though A was published a moment before it: in the slot
        // deciding the pair, arrival decides, so the two are never each other's original.
        StoryVote b = index.probe(probe("b", T0 + 2_000, STORY));
        StoryVote a = index.probe(probe("a", T0 + 1_000, STORY));
        StoryVote c = index.probe(probe("c", T0 + 3_000, STORY));

        assertThat(b.found()).isFalse();
        assertThat(a.candidate()).isEqualTo("b");
        assertThat(c.candidate()).as("copies are judged against the first only").isEqualTo("b");
        assertThat(c.kind()).isEqualTo(DuplicateKind.NEAR);
        assertThat(c.similarity()).isEqualTo(1.0);
    }

    @Test
    void shouldFindACopyWhoseOriginalIsNotRememberedUnderItsSmallestBand() {
        // A stock phrase gives four earlier, unrelated articles the original's smallest band, so
        // the band is full when the original comes, and the original is only under its others.
        List<Integer> bands = IntStream.rangeClosed(100, 111).boxed().toList();
        for (int i = 0; i < StoryIndex.PER_KEY; i++) {
            String unrelated = Texts.words(new Random(i), 60);
            assertThat(index.probe(probe("stock-" + i, T0 + i, unrelated, List.of(99, 200 + i))))
                    .extracting(StoryVote::found)
                    .isEqualTo(false);
        }
        List<Integer> withStock = new ArrayList<>(bands);
        withStock.add(0, 99);
        assertThat(index.probe(probe("original", T0 + 10, STORY, withStock)).found()).isFalse();

        StoryVote copy = index.probe(probe("copy", T0 + 20, STORY, withStock));

        assertThat(copy.candidate()).isEqualTo("original");
    }

    @Test
    void shouldForgetArticlesOlderThanTheWindow() {
        index.probe(probe("old", T0, STORY));

        StoryVote late = index.probe(probe("late", T0 + WINDOW.toMillis() + 1, STORY));

        assertThat(late.found()).isFalse();
        assertThat(index.probe(probe("later", T0 + WINDOW.toMillis() + 2, STORY)).candidate())
                .isEqualTo("late");
    }

    @Test
    void shouldDeleteFromTheStoresWhatHasLeftTheWindow() {
        String other = Texts.words(new Random(7), 120);
        index.probe(probe("old", T0, STORY));
        index.probe(probe("kept", T0 + 1_000, other));
        index.probe(probe("new", T0 + 1_000 + WINDOW.toMillis(), Texts.words(new Random(8), 120)));
        assertThat(slot.storedArticles()).containsExactly("kept", "new", "old");

        index.forgetExpired();

        assertThat(slot.storedArticles()).containsExactly("kept", "new");
    }

    @Test
    void shouldSweepALargeStoreInBatchesAndKeepWhatIsInTheWindow() {
        int stories = StoryIndex.MIN_SWEEP * 3;
        Random random = new Random(3);
        for (int i = 0; i < stories; i++) {
            index.preload(probe("s" + i, T0 + i, Texts.words(random, 40)));
        }
        index.forgetExpired(); // nothing has expired yet; the next batch is the smallest
        // Only s0 and s1 are out of the window of the latest article.
        index.probe(probe("last", T0 + 1 + WINDOW.toMillis() + 1, Texts.words(random, 40)));

        index.forgetExpired();
        Set<String> afterOne = slot.storedArticles();
        for (int i = 0; i < 100; i++) { // the keys store holds tens of thousands of bands
            index.forgetExpired();
        }

        assertThat(afterOne).as("one call looks at a batch only").contains("s0");
        assertThat(slot.storedArticles())
                .hasSize(stories - 2 + 1)
                .doesNotContain("s0", "s1")
                .contains("s2", "last");
    }

    /** A probe with the body's own bands and no exact keys, so the sketch decides. */
    private static StoryProbe probe(String id, long at, String body) {
        StorySketch sketch = StorySketch.of(body);
        List<Integer> bands = new ArrayList<>();
        for (int band : sketch.bands()) {
            bands.add(band);
        }
        return probe(id, at, body, bands);
    }

    private static StoryProbe probe(String id, long at, String body, List<Integer> bands) {
        List<Integer> sorted = new ArrayList<>(bands);
        sorted.sort(null);
        return new StoryProbe(
                id, at, 0, 1, List.of(), bands, sorted, null, null, StorySketch.of(body));
    }
}
