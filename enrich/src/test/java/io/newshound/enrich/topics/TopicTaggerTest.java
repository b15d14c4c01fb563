package io.newshound.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newshound.events.TopicMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
    final TopicTagger tagger =
            new TopicTagger(
                    List.of(
                            new TopicRule(
                                    "donbas", List.of("Donbas", "Donbass", "Донбас", "Донбасс")),
                            new TopicRule("peace-plan", List.of("peace plan", "20-point plan"))));

    @Test
    void shouldMatchIgnoringCaseAndDiacritics() {
        assertThat(tagger.tag("Fighting in DONBÁS resumed."))
                .extracting(TopicMatch::topic)
                .containsExactly("donbas");
    }

    @Test
    void shouldMatchCyrillicSpellings() {
        List<TopicMatch> matches =
                tagger.tag("Обстріли на Донбасі тривають. На Донбас прибули спостерігачі.");

        assertThat(matches)
                .extracting(TopicMatch::topic, TopicMatch::terms)
                .containsExactly(tuple("donbas", List.of("Донбас")));
    }

    @Test
    void shouldMatchAPhraseOnlyWithItsWordsInOrder() {
        assertThat(tagger.tag("The plan for peace was shelved.")).isEmpty();
        assertThat(tagger.tag("A new peace   plan emerged."))
                .extracting(TopicMatch::topic)
                .containsExactly("peace-plan");
    }

    @Test
    void shouldNotMatchInsideALongerWord() {
        assertThat(tagger.tag("Donbassian steel output rose.")).isEmpty();
    }

    @Test
    void shouldSayWhichTermsMatchedWithASnippet() {
        String text =
                "Negotiators said the 20-point plan now covers the Donbass front line and more.";

        List<TopicMatch> matches = tagger.tag(text);

        assertThat(matches)
                .extracting(TopicMatch::topic, TopicMatch::terms)
                .containsExactly(
                        tuple("donbas", List.of("Donbass")),
                        tuple("peace-plan", List.of("20-point plan")));
        assertThat(matches.get(0).snippet()).contains("Donbass front line");
    }
}
