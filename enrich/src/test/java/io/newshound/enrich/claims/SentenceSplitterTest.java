package io.newshound.enrich.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    static List<String> split(String text) {
        return new SentenceSplitter().split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void shouldNotSplitAfterAbbreviationsAndInitials() {
        assertThat(
                        split(
                                "The U.S. envoy met Gen. Petrenko on Jan. 5 in Kyiv. J. Miller took notes."))
                .containsExactly(
                        "The U.S. envoy met Gen. Petrenko on Jan. 5 in Kyiv.",
                        "J. Miller took notes.");
    }

    @Test
    void shouldKeepAQuoteOfSeveralSentencesWithItsAttribution() {
        String text =
                "“The draft is ready. It goes to Moscow next,” the official said. Talks resume Monday.";

        assertThat(split(text))
                .containsExactly(
                        "“The draft is ready. It goes to Moscow next,” the official said.",
                        "Talks resume Monday.");
    }

    @Test
    void shouldEndASentenceAtALineBreak() {
        assertThat(split("Envoys head east\nThey left on Sunday."))
                .containsExactly("Envoys head east", "They left on Sunday.");
    }

    @Test
    void shouldSplitAParagraphWhoseQuotationGoesOnInTheNextParagraph() {
        String text =
                "“We will not trade land for a signature. The map stays as it is.\n"
                        + "“Nobody in Kyiv has the mandate for that,” she said.";

        assertThat(split(text))
                .containsExactly(
                        "“We will not trade land for a signature.",
                        "The map stays as it is.",
                        "“Nobody in Kyiv has the mandate for that,” she said.");
    }
}
