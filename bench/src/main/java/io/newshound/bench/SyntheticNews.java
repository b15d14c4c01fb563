package io.newshound.bench;

import java.util.SplittableRandom;

/**
 * Generated news text for benchmarks: deterministic sentences ("The envoy in Kyiv said that ...")
 * of made-up words, so runs are repeatable and no real article is copied.
 */
final class SyntheticNews {
    private static final String[] SUBJECTS = {
        "The delegation",
        "A senior official",
        "The foreign ministry",
        "Negotiators",
        "The envoy",
        "Local authorities",
        "The regional governor",
        "Observers",
        "The defence ministry",
        "Analysts",
        "The mediators",
        "A government spokesperson"
    };
    private static final String[] ACTIONS = {
        "reviewed", "discussed", "visited", "prepared", "inspected", "postponed", "signed"
    };
    private static final String[] VERBS = {
        "said", "confirmed", "announced", "reported", "warned", "noted", "argued", "suggested"
    };

    /**
     * Made-up words, the first ones far more frequent than the last (as in real text), so that two
     * different articles share few 5-word runs, as two real stories do.
     */
    private static final String[] WORDS = vocabulary(4_000);

    private static final String[] PLACES = {
        "Kyiv", "Brussels", "Warsaw", "Vienna", "Odesa", "Kharkiv", "Riga", "Helsinki", "Ankara"
    };

    private SyntheticNews() {}

    /** About {@code chars} characters of paragraphs for article {@code seed}. */
    static String paragraphs(long seed, int chars) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(chars + 200);
        while (out.length() < chars) {
            out.append("<p>");
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                // A sentence in four reports what someone said, as in news; the others say what
                // someone did.
                boolean claim = random.nextInt(4) == 0;
                out.append(SUBJECTS[random.nextInt(SUBJECTS.length)])
                        .append(" in ")
                        .append(PLACES[random.nextInt(PLACES.length)])
                        .append(' ')
                        .append(
                                claim
                                        ? VERBS[random.nextInt(VERBS.length)] + " that"
                                        : ACTIONS[random.nextInt(ACTIONS.length)]);
                int words = 6 + random.nextInt(9);
                for (int w = 0; w < words; w++) {
                    double skew = random.nextDouble();
                    out.append(' ').append(WORDS[(int) (skew * skew * skew * WORDS.length)]);
                }
                out.append(", item ").append(random.nextInt(100_000)).append(". ");
            }
            out.append("</p>\n");
        }
        return out.toString();
    }

    private static String[] vocabulary(int size) {
        String[] syllables = {
            "ar", "be", "con", "da", "el", "fo", "gra", "han", "is", "jo", "ket", "lu", "mo", "nor",
            "op", "pra", "qui", "res", "sta", "tor", "un", "ve", "wil", "xen", "yar", "zo"
        };
        SplittableRandom random = new SplittableRandom(11);
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(3);
            for (int s = 0; s < length; s++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            words[i] = word.toString();
        }
        return words;
    }

    /** A whole article page of about {@code bytes} bytes, boilerplate included. */
    static String page(String title, long seed, int bytes) {
        String nav =
                "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">Business</a>"
                        + " <a href=\"/sport\">Sport</a></nav></header>";
        String aside =
                "<aside class=\"latest\"><h3>LATEST</h3><ul><li><a href=\"/1\">Markets close higher</a></li>"
                        + "<li><a href=\"/2\">Weather warning for the coast</a></li><li><a href=\"/3\">Cup final tickets sold out</a></li></ul></aside>";
        String footer =
                "<footer><p>Synthetic Outlet, generated for the Newshound benchmark.</p></footer>";
        int body = Math.max(500, bytes - nav.length() - aside.length() - footer.length() - 300);
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + title
                + "</title></head><body>"
                + nav
                + "<article><h1>"
                + title
                + "</h1>"
                + paragraphs(seed, body)
                + "</article>"
                + aside
                + footer
                + "</body></html>";
    }
}
