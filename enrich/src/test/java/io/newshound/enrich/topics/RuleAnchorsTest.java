package io.newshound.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.events.TopicMatch;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class RuleAnchorsTest {
    static final List<TopicRule> RULES =
            List.of(
                    TopicRule.of("peace-plan", "\"peace plan\" OR \"20-point plan\" OR ceasefire"),
                    TopicRule.of("witkoff", "Witkoff OR Віткофф OR Уиткофф"),
                    TopicRule.of("donbas", "Donbas* OR Донбас* OR Слов'янськ OR Don?tsk"),
                    TopicRule.of("envoy", "\"Witkoff Moscow\"~10 AND NOT football"),
                    TopicRule.of("headline", "title:Kushner"),
                    TopicRule.of("talks", "negotiate OR happy").withStemming(true),
                    TopicRule.of("ru-talks", "переговоры").withStemming(true),
                    TopicRule.of("streets", "straße OR ﬁnance"));

    /** Words of the rules in the forms articles write them. */
    static final String[] TOPIC_WORDS = {
        "Witkoff’s",
        "WITKOFF",
        "witkoff's",
        "Віткоффа",
        "УИТКОФФ",
        "Donbás",
        "DONBASS",
        "Donba\u0301s",
        "Донбасі",
        "ДОНБАС",
        "Слов’янськ",
        "Слов`янськ",
        "Donetsk",
        "Donatsk",
        "peace",
        "plan",
        "20-point",
        "ceasefire",
        "cease-fire",
        "Moscow",
        "football",
        "Kushner",
        "negotiations",
        "negotiated",
        "happiness",
        "happily",
        "happy",
        "переговоров",
        "Strasse",
        "STRASSE",
        "finance"
    };

    /** Words of no rule, punctuation and letters that fold in odd ways. */
    static final String[] OTHER_WORDS = {
        "Kyiv", "weather", "snow", "said", "the", "in", "talks", "on", "Friday", "reached", "Lviv",
        "officials", "market", "rain", "bridge", "river", "—", "«", "»", "\"", "^", "n\u0303",
        "ёлка", "école", "İstanbul", "ﬂoods"
    };

    @Test
    void shouldTagExactlyAsTheMonitorAloneDoes() {
        SplittableRandom random = new SplittableRandom(7);
        List<String[]> articles = new ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            articles.add(new String[] {words(random, 1 + random.nextInt(4)), words(random, 12)});
        }
        try (TopicTagger anchored = TopicTagger.compile(RULES, true);
                TopicTagger monitorOnly = TopicTagger.compile(RULES, false)) {
            assertThat(anchored.errors()).isEmpty();
            int tagged = 0;
            for (String[] article : articles) {
                List<TopicMatch> expected = monitorOnly.tag(article[0], article[1]);

                assertThat(anchored.tag(article[0], article[1]))
                        .as("%s / %s", article[0], article[1])
                        .isEqualTo(expected);
                tagged += expected.isEmpty() ? 0 : 1;
            }
            // Both kinds of article were in the sample, or the comparison would prove little.
            assertThat(tagged).isBetween(300, articles.size() - 300);
        }
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : random.nextInt(5) == 0 ? "" : " ");
            String word =
                    random.nextInt(25) == 0
                            ? TOPIC_WORDS[random.nextInt(TOPIC_WORDS.length)]
                            : OTHER_WORDS[random.nextInt(OTHER_WORDS.length)];
            if (random.nextInt(10) == 0) {
                word = Normalizer.normalize(word, Normalizer.Form.NFD);
            }
            text.append(random.nextInt(20) == 0 ? word.toUpperCase(Locale.ROOT) : word);
        }
        return text.toString();
    }

    @Test
    void shouldTellAnArticleOnNoTopicFromOneThatMayBe() throws ParseException {
        RuleAnchors anchors = RuleAnchors.of(parse(RULES));

        assertThat(anchors.mightMatch("Heavy snow will reach Lviv on Friday.")).isFalse();
        assertThat(anchors.mightMatch("Shelling in DONBÁS resumed.")).isTrue();
        assertThat(anchors.mightMatch("Обстріли поблизу Слов’янська.")).isTrue();
        assertThat(anchors.mightMatch("Envoys negotiated through the night.")).isTrue();
    }

    @Test
    void shouldTurnItselfOffForARuleItCannotAnchor() throws ParseException {
        List<TopicRule> fuzzy = List.of(TopicRule.of("witkoff", "Witkof~1"));

        assertThat(RuleAnchors.of(parse(fuzzy))).isNull();
        try (TopicTagger tagger = TopicTagger.compile(fuzzy)) {
            assertThat(tagger.tag("", "Witkoff flew to Moscow.")).hasSize(1);
        }
    }

    @Test
    void shouldFoldEveryAsciiCharacterAsIcuFoldingDoes() {
        for (char c = 0; c < 0x80; c++) {
            String plain = c == '`' ? "'" : String.valueOf(c);

            assertThat(RuleAnchors.fold(String.valueOf(c)))
                    .as("character %d", (int) c)
                    .isEqualTo(ICUFoldingFilter.NORMALIZER.normalize(plain));
        }
    }

    @Test
    void shouldFoldALetterWithTheMarksAfterItAsEachApart() {
        // What lets the quick check fold runs of non-ASCII characters on their own.
        for (int mark = 0x80; mark < 0x30000; mark++) {
            int type = Character.getType(mark);
            if (type != Character.NON_SPACING_MARK
                    && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                continue;
            }
            String m = new String(Character.toChars(mark));
            for (char letter = '0'; letter <= 'z'; letter++) {
                if (Character.isLetterOrDigit(letter)) {
                    assertThat(RuleAnchors.fold(letter + m))
                            .as("U+%04X after %s", mark, letter)
                            .isEqualTo(ICUFoldingFilter.NORMALIZER.normalize(letter + m));
                }
            }
        }
    }

    @Test
    void shouldFindAnyOfManyOverlappingWordsInOnePass() {
        List<String> words = List.of("he", "she", "his", "hers", "ushe", "abcab", "bca");
        RuleAnchors.Automaton automaton = RuleAnchors.Automaton.of(words);
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append("abcehirsu".charAt(random.nextInt(9)));
            }
            String t = text.toString();

            assertThat(automaton.findsAnyIn(t))
                    .as(t)
                    .isEqualTo(words.stream().anyMatch(t::contains));
        }
    }

    private static List<Query> parse(List<TopicRule> rules) throws ParseException {
        TopicAnalyzer analyzer = new TopicAnalyzer();
        List<Query> queries = new ArrayList<>();
        for (TopicRule rule : rules) {
            queries.add(TopicTagger.parse(analyzer, rule));
        }
        return queries;
    }
}
