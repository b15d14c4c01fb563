package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeenEntriesTest {

    @Test
    void shouldRememberWhatWasAddedAcrossEncoding() {
        SeenEntries seen =
                SeenEntries.empty(100).plus(List.of("https://a.example/1", "https://a.example/2"));

        SeenEntries read = SeenEntries.decode(seen.encode(), 100);

        assertThat(read.contains("https://a.example/1")).isTrue();
        assertThat(read.contains("https://a.example/2")).isTrue();
        assertThat(read.contains("https://a.example/3")).isFalse();
    }

    @Test
    void shouldForgetTheOldestBeyondCapacity() {
        List<String> keys = IntStream.range(0, 15).mapToObj(i -> "entry-" + i).toList();

        SeenEntries seen = SeenEntries.decode(SeenEntries.empty(10).plus(keys).encode(), 10);

        assertThat(seen.size()).isEqualTo(10);
        assertThat(seen.contains("entry-4")).isFalse();
        assertThat(seen.contains("entry-5")).isTrue();
        assertThat(seen.contains("entry-14")).isTrue();
    }

    @Test
    void shouldTreatAnUnreadableValueAsNothingSeen() {
        assertThat(SeenEntries.decode("not base64!!", 10).size()).isZero();
    }
}
