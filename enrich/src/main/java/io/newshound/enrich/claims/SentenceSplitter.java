package io.newshound.enrich.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into sentences with their character ranges. A line break always ends a sentence
 * (titles and headings have no full stop); a full stop after a known abbreviation or an initial
 * does not; nor does one inside a quotation, so that a quote running over several sentences stays
 * with the attribution that follows it.
 */
final class SentenceSplitter {
    /** A sentence's range in the text. */
    record Sentence(int start, int end) {
        String of(String text) {
            return text.substring(start, end);
        }
    }

    private static final Set<String> ABBREVIATIONS =
            Set.of(
                    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt",
                    "adm", "gov", "sen", "rep", "rev", "st", "sr", "jr", "no", "vs", "inc", "ltd",
                    "co", "corp", "dept", "est", "approx", "jan", "feb", "mar", "apr", "jun", "jul",
                    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
                    "sat", "sun", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "e.g", "i.e", "etc");

    List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int n = text.length();
        int start = 0;
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            // A quotation left open at the end of its paragraph goes on in the next one (the
            // usual style for long quotes): its paragraph is split as if it had no quotes.
            if (!splitParagraph(text, start, end, true, sentences)) {
                splitParagraph(text, start, end, false, sentences);
            }
            start = end + 1;
        }
        return sentences;
    }

    /**
     * Adds the sentences of the paragraph {@code [from, to)}; with {@code quotes}, not splitting
     * inside quotations. Returns false, adding nothing, if a quotation is left open.
     */
    private boolean splitParagraph(
            String text, int from, int to, boolean quotes, List<Sentence> sentences) {
        List<Sentence> found = new ArrayList<>();
        int start = from;
        boolean inCurly = false;
        boolean inStraight = false;
        int n = to;
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (!quotes) {
                // no quotation tracking
            } else if (c == '“') {
                inCurly = true;
            } else if (c == '”') {
                inCurly = false;
            } else if (c == '"') {
                inStraight = !inStraight;
            }
            if (c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
                // Two apostrophes are a double quotation mark in some wire copy: ''…,'' she said.
                if (quotes) {
                    inStraight = !inStraight;
                }
                if (i + 2 < n
                        && !inStraight
                        && i > 0
                        && ".!?".indexOf(text.charAt(i - 1)) >= 0
                        && text.charAt(i + 2) == ' '
                        && startsSentence(text, i + 2)
                        && !attributionFollows(text, i + 2, n)) {
                    add(found, text, start, i + 2);
                    start = i + 2;
                }
                i++;
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && !inCurly && !inStraight) {
                int end = i + 1;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                if (end < n
                        && text.charAt(end) == ' '
                        && startsSentence(text, end)
                        && !(c == '.' && isAbbreviation(text, i))
                        && !(end > i + 1 && attributionFollows(text, end, n))) {
                    add(found, text, start, end);
                    start = end;
                }
            } else if ((c == '”' || c == '"') && !inCurly && !inStraight) {
                // A quote that closes with its own full stop: “… plan.” Next sentence.
                if (i > 0
                        && ".!?".indexOf(text.charAt(i - 1)) >= 0
                        && i + 1 < n
                        && text.charAt(i + 1) == ' '
                        && startsSentence(text, i + 1)
                        && !attributionFollows(text, i + 1, n)) {
                    add(found, text, start, i + 1);
                    start = i + 1;
                }
            }
        }
        if (inCurly || inStraight) {
            return false;
        }
        add(found, text, start, n);
        sentences.addAll(found);
        return true;
    }

    /**
     * Whether a quotation that just closed is followed by its attribution: in "“Did you know it was
     * Mussolini?” Todd asked." the question and its asker are one sentence.
     */
    private static boolean attributionFollows(String text, int from, int to) {
        return ATTRIBUTION.matcher(text).region(from, to).lookingAt();
    }

    private static final Pattern ATTRIBUTION =
            Pattern.compile(
                    "\\s+(?:\\p{Lu}[\\p{L}’'.-]*\\s+){1,4}(?:said|says|asked|asks|added|told|wrote|"
                            + "replied|recalled|explained|noted|insisted|argued|warned|continued|"
                            + "declared|tweeted|shouted|wondered)\\b(?!\\s+that\\b)");

    private static boolean isCloser(char c) {
        return c == '”' || c == '"' || c == '’' || c == ')' || c == ']';
    }

    private static boolean startsSentence(String text, int spaceAt) {
        int j = spaceAt;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        if (j >= text.length()) {
            return false;
        }
        char next = text.charAt(j);
        return Character.isUpperCase(next)
                || Character.isDigit(next)
                || next == '“'
                || next == '"'
                || next == '‘'
                || next == '('
                || text.startsWith("''", j);
    }

    private static boolean isAbbreviation(String text, int dot) {
        int j = dot;
        while (j > 0 && (Character.isLetter(text.charAt(j - 1)) || text.charAt(j - 1) == '.')) {
            j--;
        }
        String word = text.substring(j, dot).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(text.charAt(dot - 1))) {
            return true; // an initial: "J. Smith"
        }
        return ABBREVIATIONS.contains(word);
    }

    private static void add(List<Sentence> sentences, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Sentence(start, end));
        }
    }
}
