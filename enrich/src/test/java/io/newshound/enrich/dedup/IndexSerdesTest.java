package io.newshound.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class IndexSerdesTest {
    @Test
    void shouldReadBackTheArticlesOfAKey() {
        BandEntries entries =
                new BandEntries(
                        List.of(
                                new BandEntry("a-1", 1_796_000_000_000L),
                                new BandEntry("київ-пост-7", -5L)));
        Serde<BandEntries> serde = IndexSerdes.bandEntries();

        byte[] bytes = serde.serializer().serialize("t", entries);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(entries);
    }

    @Test
    void shouldReadBackAnIndexedArticleWithOrWithoutItsSketch() {
        StorySketch sketch = StorySketch.of(Texts.STORY + " " + Texts.STORY.toUpperCase());
        Serde<IndexedArticle> serde = IndexSerdes.indexedArticle();
        for (IndexedArticle article :
                List.of(
                        new IndexedArticle(42L, List.of(-7, 3, 99), sketch),
                        new IndexedArticle(43L, List.of(), null))) {

            byte[] bytes = serde.serializer().serialize("t", article);

            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
        }
    }

    @Test
    void shouldRefuseBytesOfAnotherFormatNamingTheTopic() {
        byte[] json = "{\"entries\":[]}".getBytes();

        assertThatThrownBy(() -> IndexSerdes.bandEntries().deserializer().deserialize("t1", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("t1");
    }
}
