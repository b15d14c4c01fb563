package io.newshound.bench;

import java.util.SplittableRandom;

/**
 * Generated news text for benchmarks: deterministic sentences from a small vocabulary, so runs are
 * repeatable and no real article is copied.
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
    private static final String[] VERBS = {
        "said", "confirmed", "announced", "reported", "warned", "noted", "argued", "suggested"
    };
    private static final String[] CLAUSES = {
        "that talks would resume next week in Geneva",
        "that the ceasefire line had held overnight",
        "that a new draft of the framework was being prepared",
        "that grain shipments left the port on schedule",
        "that monitors would be deployed along the front",
        "that the meeting had been postponed until further notice",
        "that energy infrastructure was repaired after the strikes",
        "that prisoner exchanges were discussed in detail",
        "that sanctions relief was not on the agenda",
        "that the security guarantees remained the main obstacle"
    };
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
                out.append(SUBJECTS[random.nextInt(SUBJECTS.length)])
                        .append(" in ")
                        .append(PLACES[random.nextInt(PLACES.length)])
                        .append(' ')
                        .append(VERBS[random.nextInt(VERBS.length)])
                        .append(' ')
                        .append(CLAUSES[random.nextInt(CLAUSES.length)])
                        .append(", item ")
                        .append(random.nextInt(100_000))
                        .append(". ");
            }
            out.append("</p>\n");
        }
        return out.toString();
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
