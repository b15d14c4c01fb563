package io.newshound.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newshound.events.DuplicateKind;
import io.newshound.events.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StorySerdesTest {
    @Test
    void shouldReadBackTheArticlesOfAKey() {
        BandEntries entries =
                new BandEntries(
                        List.of(
                                new BandEntry("a-1", 1_796_000_000_000L),
                                new BandEntry("київ-пост-7", -5L)));
        Serde<BandEntries> serde = StorySerdes.bandEntries();

        byte[] bytes = serde.serializer().serialize("t", entries);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(entries);
    }

    @Test
    void shouldReadBackAnIndexedArticleWithOrWithoutItsSketch() {
        StorySketch sketch = StorySketch.of(Texts.STORY + " " + Texts.STORY.toUpperCase());
        Serde<IndexedArticle> serde = StorySerdes.indexedArticle();
        for (IndexedArticle article :
                List.of(
                        new IndexedArticle(42L, List.of(-7, 3, 99), sketch),
                        new IndexedArticle(43L, List.of(), null))) {

            byte[] bytes = serde.serializer().serialize("t", article);

            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
        }
    }

    @Test
    void shouldReadBackAProbeAndTheMessagesOfADecision() {
        StorySketch sketch = StorySketch.of(Texts.STORY + " " + Texts.STORY.toUpperCase());
        StoryProbe probe =
                new StoryProbe(
                        "a-1",
                        7L,
                        2,
                        3,
                        List.of("guid:x", "body:ab12"),
                        List.of(5, -9),
                        List.of(-9, 5, 77),
                        77,
                        null,
                        sketch);
        StoryVote found = new StoryVote("a-1", 2, 3, "a-0", DuplicateKind.NEAR, 0.875, 3L);
        StoryVote none = new StoryVote("a-1", 1, 3, null, null, 0, 0);
        EnrichedArticle article =
                EnrichedArticle.original(
                        Texts.article("a-1", Texts.STORY, Instant.EPOCH), List.of());

        assertThat(roundTrip(StorySerdes.probe(), probe)).isEqualTo(probe);
        assertThat(roundTrip(StorySerdes.message(), StoryMessage.of(found)))
                .isEqualTo(StoryMessage.of(found));
        assertThat(roundTrip(StorySerdes.message(), StoryMessage.of(article, 3)))
                .isEqualTo(StoryMessage.of(article, 3));
        PendingStory pending = new PendingStory(true, 3, List.of(found, none));
        assertThat(roundTrip(StorySerdes.pending(), pending)).isEqualTo(pending);
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void shouldRefuseBytesOfAnotherFormatNamingTheTopic() {
        byte[] json = "{\"entries\":[]}".getBytes();

        assertThatThrownBy(() -> StorySerdes.bandEntries().deserializer().deserialize("t1", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("t1");
    }
}
