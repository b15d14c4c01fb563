package io.newshound.enrich.topics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits text into words with their positions, folded for matching: lower case, no accents. */
public final class TextFolding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFolding() {}

    /** A word of a text: its folded form and where it stands. */
    public record Token(String folded, int start, int end) {}

    /** The words of {@code text}, in order. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        forEachSpan(
                text,
                (start, end) ->
                        tokens.add(new Token(fold(text.substring(start, end)), start, end)));
        return tokens;
    }

    /** Receives the words of a text, folded, one at a time. */
    public interface WordSink {
        /** The next word, folded; the sequence is only valid during the call. */
        void word(CharSequence folded);
    }

    /**
     * The words {@link #tokens} finds, folded alike, given one at a time to {@code sink} without a
     * string or a token made for each ASCII word: for hashing a whole body.
     */
    public static void forEachWord(String text, WordSink sink) {
        StringBuilder word = new StringBuilder(32);
        forEachSpan(
                text,
                (start, end) -> {
                    if (isAscii(text, start, end)) {
                        word.setLength(0);
                        for (int k = start; k < end; k++) {
                            char ch = text.charAt(k);
                            word.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
                        }
                        sink.word(word);
                    } else {
                        sink.word(fold(text.substring(start, end)));
                    }
                });
    }

    private interface SpanSink {
        void span(int start, int end);
    }

    /** Where each word of {@code text} starts and ends, in order. */
    private static void forEachSpan(String text, SpanSink sink) {
        // Words as [\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)* would match them, scanned by hand: the
        // regular expression took half the time of an article's story keys.
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (!isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            i = endOfRun(text, i);
            while (i + 1 < n && text.charAt(i) == '-' && isWordChar(text.codePointAt(i + 1))) {
                i = endOfRun(text, i + 1);
            }
            sink.span(start, i);
        }
    }

    private static int endOfRun(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!isWordChar(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** A letter or a number, as {@code [\p{L}\p{N}]}. */
    private static boolean isWordChar(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * Lower case, accents removed: "Donbás" and "donbas" fold alike. Apostrophes split words, so
     * "Witkoff’s" is found as "Witkoff".
     */
    public static String fold(String word) {
        if (isAscii(word)) {
            return word.toLowerCase(Locale.ROOT); // nothing to take off; most words of news
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String word) {
        return isAscii(word, 0, word.length());
    }

    private static boolean isAscii(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
