package io.newshound.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newshound.events.TopicMatch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
    TopicTagger tagger;

    List<TopicMatch> tag(String query, String title, String body) {
        return tag(TopicRule.of("t", query), title, body);
    }

    List<TopicMatch> tag(TopicRule rule, String title, String body) {
        if (tagger != null) {
            tagger.close();
        }
        tagger = TopicTagger.compile(List.of(rule));
        assertThat(tagger.errors()).isEmpty();
        return tagger.tag(title, body);
    }

    boolean matches(String query, String body) {
        return !tag(query, "", body).isEmpty();
    }

    @AfterEach
    void close() {
        if (tagger != null) {
            tagger.close();
        }
    }

    @Test
    void shouldFoldCaseAndDiacriticsInLatinAndCyrillic() {
        assertThat(matches("Donbas", "Fighting in DONBÁS resumed.")).isTrue();
        assertThat(matches("donbás", "Fighting in Donbas resumed.")).isTrue();
        assertThat(matches("Донбас", "ОБСТРІЛИ НА ДОНБАС ТРИВАЮТЬ")).isTrue();
        assertThat(matches("Віткофф", "Спецпосланець ВІТКОФФ прибув до Москви.")).isTrue();
        assertThat(matches("Уиткофф", "Спецпосланник Уиткофф прилетел в Москву.")).isTrue();
    }

    @Test
    void shouldFindAWordWithAPossessiveOrAnotherApostrophe() {
        assertThat(matches("Witkoff", "Witkoff’s team landed in Moscow.")).isTrue();
        assertThat(matches("Слов'янськ", "Обстріл Слов’янська тривав усю ніч.")).isFalse();
        assertThat(matches("Слов'янськ", "Обстріли поблизу міста Слов’янськ.")).isTrue();
    }

    @Test
    void shouldMatchAPhraseOnlyWithItsWordsInOrder() {
        assertThat(matches("\"peace plan\"", "The plan for peace was shelved.")).isFalse();
        assertThat(matches("\"peace plan\"", "A new peace   plan emerged.")).isTrue();
        assertThat(matches("\"20-point plan\"", "Negotiators said the 20-point plan holds."))
                .isTrue();
    }

    @Test
    void shouldApplyBooleanOperators() {
        String query = "(\"peace plan\" OR ceasefire) AND Donbas NOT football";
        assertThat(matches(query, "A ceasefire in Donbas was agreed.")).isTrue();
        assertThat(matches(query, "A ceasefire was agreed.")).isFalse();
        assertThat(matches(query, "A ceasefire in Donbas football league.")).isFalse();
    }

    @Test
    void shouldMatchWildcardsInEitherAlphabet() {
        assertThat(matches("Donbas*", "Donbass steel output rose.")).isTrue();
        assertThat(matches("перемир*", "Сторони домовилися про перемир'я.")).isTrue();
        assertThat(matches("Donbas", "Donbassian steel output rose.")).isFalse();
    }

    @Test
    void shouldMatchWordsWithinTheGivenDistance() {
        String near = "Witkoff will travel on Thursday to Moscow for talks.";
        String far =
                "Witkoff spoke in Washington about many things, the weather, trade, the"
                        + " election, the budget, sport, schools and finally Moscow.";
        assertThat(matches("\"Witkoff Moscow\"~10", near)).isTrue();
        assertThat(matches("\"Witkoff Moscow\"~10", far)).isFalse();
    }

    @Test
    void shouldRestrictAQueryToTheTitle() {
        assertThat(tag("title:Witkoff", "Witkoff in Moscow", "Talks went on.")).hasSize(1);
        assertThat(tag("title:Witkoff", "Talks in Moscow", "Witkoff was there.")).isEmpty();
        assertThat(tag("body:Witkoff", "Talks in Moscow", "Witkoff was there.")).hasSize(1);
    }

    @Test
    void shouldHonourANotClauseOnAFieldNoOtherClauseReads() {
        // Articles are only analyzed into the fields rules read: NOT clauses count as reading.
        TopicRule plain = TopicRule.of("envoy", "Witkoff NOT body:football");
        assertThat(tag(plain, "Envoy travels", "Witkoff flew to Moscow.")).hasSize(1);
        assertThat(tag(plain, "Envoy travels", "Witkoff watched football in Moscow.")).isEmpty();
        TopicRule stemmed = TopicRule.of("envoy", "Witkoff NOT title:match").withStemming(true);
        assertThat(tag(stemmed, "Envoy travels", "Witkoff flew to Moscow.")).hasSize(1);
        assertThat(tag(stemmed, "Envoy misses matches", "Witkoff flew to Moscow.")).isEmpty();
    }

    @Test
    void shouldStemOnlyWhenTheTopicAsksForIt() {
        TopicRule plain = TopicRule.of("talks", "negotiate");
        assertThat(tag(plain, "", "Envoys negotiated through the night.")).isEmpty();
        assertThat(tag(plain.withStemming(true), "", "Envoys negotiated through the night."))
                .hasSize(1);
        assertThat(
                        tag(
                                TopicRule.of("ru", "переговоры").withStemming(true),
                                "",
                                "После переговоров"))
                .hasSize(1);
    }

    @Test
    void shouldSayWhichTermsMatchedWithASnippet() {
        tagger =
                TopicTagger.compile(
                        List.of(
                                TopicRule.of("donbas", "Donbas OR Donbass OR Донбас"),
                                TopicRule.of("peace-plan", "\"peace plan\" OR \"20-point plan\"")));
        String body =
                "Negotiators said the 20-point plan now covers the Donbass front line and more.";

        List<TopicMatch> matches = tagger.tag("Talks", body);

        assertThat(matches)
                .extracting(TopicMatch::topic, TopicMatch::terms)
                .containsExactly(
                        tuple("donbas", List.of("Donbass")),
                        tuple("peace-plan", List.of("20-point plan")));
        assertThat(matches.get(0).snippet()).contains("Donbass front line");
    }

    @Test
    void shouldLeaveOutABadRuleWithItsNameAndKeepTheOthers() {
        tagger =
                TopicTagger.compile(
                        List.of(
                                TopicRule.of("broken", "\"peace plan"),
                                TopicRule.of("typo", "titel:Witkoff"),
                                TopicRule.of("only-not", "NOT football"),
                                TopicRule.of("donbas", "Donbas")));

        assertThat(tagger.topics()).containsExactly("donbas");
        assertThat(tagger.errors())
                .hasSize(3)
                .anySatisfy(e -> assertThat(e).startsWith("topic broken: cannot parse query"))
                .anySatisfy(
                        e -> assertThat(e).contains("topic typo").contains("unknown field 'titel'"))
                .anySatisfy(e -> assertThat(e).startsWith("topic only-not: query 'NOT football'"));
        assertThat(tagger.tag("", "Shelling in Donbas."))
                .extracting(TopicMatch::topic)
                .containsExactly("donbas");
    }

    @Test
    void shouldTagWithTheShippedTopics() {
        tagger = TopicTagger.compile(TopicRules.defaults().rules());

        assertThat(tagger.errors()).isEmpty();
        assertThat(tagger.topics()).containsExactly("peace-plan", "witkoff", "donbas");
        assertThat(
                        tagger.tag(
                                "Уиткофф привез мирный план",
                                "Обсуждение касается Донецкой области и Луганска."))
                .extracting(TopicMatch::topic)
                .containsExactly("peace-plan", "witkoff");
        assertThat(tagger.tag("", "Fighting near Kramatorsk and Donetsk continued."))
                .extracting(TopicMatch::topic)
                .containsExactly("donbas");
    }
}
