package io.newshound.enrich.dedup;

import io.newshound.events.Article;
import java.time.Instant;
import java.util.Random;

/** Texts for the story tests. */
final class Texts {
    static final String STORY =
            "Negotiators from both sides will meet in Geneva on Thursday to go through the revised"
                    + " draft line by line, two diplomats briefed on the schedule said. The draft"
                    + " leaves the question of the eastern regions to the leaders and asks monitors"
                    + " to report on the ceasefire every week.";

    private Texts() {}

    /** An article with {@code body}, published at {@code at}. */
    static Article article(String id, String body, Instant at) {
        return Article.of(
                id, "https://a.example/" + id, "", "A", null, "T", null, at, at, "en", body);
    }

    /** {@code n} words drawn from a made-up vocabulary, common words more often, as in text. */
    static String words(Random random, int n) {
        String[] syllables = {"ka", "lo", "mir", "ven", "dra", "sto", "pel", "rin", "zu", "tash"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double skew = random.nextDouble();
            int word = (int) (skew * skew * 3_000);
            out.append(i == 0 ? "" : " ")
                    .append(syllables[word % 10])
                    .append(syllables[(word / 10) % 10])
                    .append(syllables[word / 100 % 10])
                    .append(word / 1000);
        }
        return out.toString();
    }
}
