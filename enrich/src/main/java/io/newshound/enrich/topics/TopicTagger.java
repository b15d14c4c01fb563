package io.newshound.enrich.topics;

import io.newshound.events.TopicMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags a text with the topics whose keywords it contains, with the words that matched and a snippet
 * around the first match.
 */
public final class TopicTagger {
    private static final int SNIPPET_CONTEXT = 80;

    private final List<TopicRule> rules;

    /** Each keyword's first folded word, to the phrases starting with it. */
    private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();

    private record Phrase(int rule, List<String> words) {}

    public TopicTagger(List<TopicRule> rules) {
        this.rules = List.copyOf(rules);
        for (int i = 0; i < this.rules.size(); i++) {
            for (String keyword : this.rules.get(i).keywords()) {
                List<String> words =
                        TextFolding.tokens(keyword).stream()
                                .map(TextFolding.Token::folded)
                                .toList();
                if (!words.isEmpty()) {
                    phrasesByFirstWord
                            .computeIfAbsent(words.get(0), w -> new ArrayList<>())
                            .add(new Phrase(i, words));
                }
            }
        }
    }

    /** The topics {@code text} belongs to, in rule order. */
    public List<TopicMatch> tag(String text) {
        List<TextFolding.Token> tokens = TextFolding.tokens(text);
        List<Set<String>> terms = new ArrayList<>();
        int[] firstMatch = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            terms.add(new LinkedHashSet<>());
            firstMatch[i] = -1;
        }
        for (int t = 0; t < tokens.size(); t++) {
            List<Phrase> candidates = phrasesByFirstWord.get(tokens.get(t).folded());
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                if (matchesAt(tokens, t, phrase.words())) {
                    int end = tokens.get(t + phrase.words().size() - 1).end();
                    terms.get(phrase.rule()).add(text.substring(tokens.get(t).start(), end));
                    if (firstMatch[phrase.rule()] < 0) {
                        firstMatch[phrase.rule()] = tokens.get(t).start();
                    }
                }
            }
        }
        List<TopicMatch> matches = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!terms.get(i).isEmpty()) {
                matches.add(
                        new TopicMatch(
                                rules.get(i).name(),
                                List.copyOf(terms.get(i)),
                                snippet(text, firstMatch[i])));
            }
        }
        return matches;
    }

    private static boolean matchesAt(List<TextFolding.Token> tokens, int at, List<String> words) {
        if (at + words.size() > tokens.size()) {
            return false;
        }
        for (int w = 0; w < words.size(); w++) {
            if (!tokens.get(at + w).folded().equals(words.get(w))) {
                return false;
            }
        }
        return true;
    }

    static String snippet(String text, int at) {
        int start = Math.max(0, at - SNIPPET_CONTEXT);
        int end = Math.min(text.length(), at + SNIPPET_CONTEXT);
        while (start > 0 && start < at && !Character.isWhitespace(text.charAt(start - 1))) {
            start++;
        }
        while (end < text.length() && end > at && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        String core = text.substring(start, end).replaceAll("\\s+", " ").strip();
        return (start > 0 ? "…" : "") + core + (end < text.length() ? "…" : "");
    }
}
