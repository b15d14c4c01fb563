package io.newshound.enrich.topics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into words with their positions, folded for matching: lower case, no accents. */
public final class TextFolding {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFolding() {}

    /** A word of a text: its folded form and where it stands. */
    public record Token(String folded, int start, int end) {}

    /** The words of {@code text}, in order. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(new Token(fold(m.group()), m.start(), m.end()));
        }
        return tokens;
    }

    /**
     * Lower case, accents removed: "Donbás" and "donbas" fold alike. Apostrophes split words, so
     * "Witkoff’s" is found as "Witkoff".
     */
    public static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
