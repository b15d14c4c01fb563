package io.newshound.enrich.topics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * The words an article must contain, one of them at least, for any topic rule to match it: a check
 * made before the article is analyzed for Lucene's monitor, which costs most of tagging. Most
 * articles of a general feed are on none of the topics followed, and this tells so in one pass over
 * the text instead of a full analysis.
 *
 * <p>The check may say yes when no rule matches (the monitor then decides), never no when one does:
 * every term of every positive clause of every rule is an anchor (a prefix for wildcards, a
 * shortened stem for stemmed rules), and it is looked for as a substring of the article's text
 * folded as {@link TopicAnalyzer} folds words, so a word boundary, a possessive or a stem ending
 * can only make it find more. A rule with a clause it cannot anchor (fuzzy, regular expression,
 * range) turns the check off: then every article goes to the monitor, as before.
 */
final class RuleAnchors {
    /** Characters a stemmed term may differ by from the word it came from, at its end. */
    private static final int STEM_SLACK = 2;

    private final Automaton automaton;

    private RuleAnchors(Automaton automaton) {
        this.automaton = automaton;
    }

    /** The anchors of {@code rules}, or null when some rule cannot be anchored. */
    static RuleAnchors of(Collection<Query> rules) {
        Set<String> anchors = new LinkedHashSet<>();
        for (Query rule : rules) {
            if (!collect(rule, anchors)) {
                return null;
            }
        }
        return new RuleAnchors(Automaton.of(anchors));
    }

    /** Whether some rule may match an article with this text (title and body together). */
    boolean mightMatch(String text) {
        return automaton.findsAnyInFolded(text);
    }

    /** Adds the anchors of {@code query}; false when it has a clause that cannot be anchored. */
    private static boolean collect(Query query, Set<String> anchors) {
        if (query instanceof BooleanQuery bool) {
            boolean any = false;
            for (BooleanClause clause : bool.clauses()) {
                if (clause.getOccur() == BooleanClause.Occur.MUST_NOT) {
                    continue; // an article without the word can still match
                }
                if (!collect(clause.getQuery(), anchors)) {
                    return false;
                }
                any = true;
            }
            return any;
        }
        if (query instanceof BoostQuery boost) {
            return collect(boost.getQuery(), anchors);
        }
        if (query instanceof ConstantScoreQuery constant) {
            return collect(constant.getQuery(), anchors);
        }
        if (query instanceof DisjunctionMaxQuery max) {
            for (Query disjunct : max.getDisjuncts()) {
                if (!collect(disjunct, anchors)) {
                    return false;
                }
            }
            return !max.getDisjuncts().isEmpty();
        }
        if (query instanceof TermQuery term) {
            return add(term.getTerm(), term.getTerm().text(), anchors);
        }
        if (query instanceof PhraseQuery phrase) {
            // Every word of a phrase must be there, so any one anchors it: the longest, which
            // fewest articles have.
            Term longest = null;
            for (Term term : phrase.getTerms()) {
                if (longest == null || term.text().length() > longest.text().length()) {
                    longest = term;
                }
            }
            return longest != null && add(longest, anchors);
        }
        if (query instanceof MultiPhraseQuery phrase) {
            Term[][] positions = phrase.getTermArrays();
            if (positions.length == 0 || positions[0].length == 0) {
                return false;
            }
            return addAll(List.of(positions[0]), anchors);
        }
        if (query instanceof SynonymQuery synonyms) {
            return addAll(synonyms.getTerms(), anchors);
        }
        if (query instanceof PrefixQuery prefix) {
            return add(prefix.getPrefix(), prefix.getPrefix().text(), anchors);
        }
        if (query instanceof WildcardQuery wildcard) {
            String text = wildcard.getTerm().text();
            int first = firstWildcard(text);
            return first > 0 && add(wildcard.getTerm(), text.substring(0, first), anchors);
        }
        return false;
    }

    /** Adds every one of {@code terms}, any of which may be the word found; false if none. */
    private static boolean addAll(List<Term> terms, Set<String> anchors) {
        for (Term term : terms) {
            if (!add(term, anchors)) {
                return false;
            }
        }
        return !terms.isEmpty();
    }

    private static boolean add(Term term, Set<String> anchors) {
        return add(term, term.text(), anchors);
    }

    /** Adds {@code text}, the literal part of {@code term}; a stemmed one loses its ending. */
    private static boolean add(Term term, String text, Set<String> anchors) {
        String anchor = text;
        if (term.field().endsWith(TopicAnalyzer.STEMMED_SUFFIX)) {
            // A stemmer rewrites at most the last letters of a word ("happy" is "happi").
            anchor = text.substring(0, Math.max(1, text.length() - STEM_SLACK));
        }
        if (anchor.isEmpty()) {
            return false;
        }
        anchors.add(anchor);
        return true;
    }

    private static int firstWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == WildcardQuery.WILDCARD_STRING
                    || c == WildcardQuery.WILDCARD_CHAR
                    || c == WildcardQuery.WILDCARD_ESCAPE) {
                return i;
            }
        }
        return text.length();
    }

    /**
     * {@code text} as {@link TopicAnalyzer} folds its words: apostrophes made one, then ICU folding
     * (case, diacritics, compatibility forms). ASCII is folded by a table, as ICU folds it (a test
     * checks every ASCII character), and only the runs of other characters go through ICU: folding
     * an ASCII letter with the marks after it is folding each apart (a test checks every mark).
     */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        forEachFolded(
                text,
                c -> {
                    out.append(c);
                    return false;
                });
        return out.toString();
    }

    /** What {@link #fold} does, a character at a time, without building the folded text. */
    interface FoldedChars {
        /** Takes the next folded character; true to stop there. */
        boolean next(char c);
    }

    private static final char[] ASCII_FOLDED = new char[0x80];

    /** In {@link #ASCII_FOLDED}: a character folding drops. */
    private static final char DROPPED = '\uFFFF';

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_FOLDED[c] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        ASCII_FOLDED['`'] = '\''; // the apostrophes TopicAnalyzer maps
        ASCII_FOLDED['^'] = DROPPED; // ICU folding drops the circumflex accent on its own
    }

    /** Feeds the folded characters of {@code text} to {@code sink}; true if it stopped early. */
    static boolean forEachFolded(String text, FoldedChars sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80) {
                char folded = ASCII_FOLDED[c];
                if (folded != DROPPED && sink.next(folded)) {
                    return true;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && text.charAt(i) >= 0x80) {
                i++;
            }
            String run = ICUFoldingFilter.NORMALIZER.normalize(apostrophes(text, start, i));
            for (int k = 0; k < run.length(); k++) {
                if (sink.next(run.charAt(k))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code text[from, to)} with the apostrophes {@link TopicAnalyzer} maps made plain. */
    private static String apostrophes(String text, int from, int to) {
        char[] run = text.substring(from, to).toCharArray();
        for (int k = 0; k < run.length; k++) {
            char c = run[k];
            if (c == '\u2019' || c == '\u02BC' || c == '\u2018' || c == '\uFF07') {
                run[k] = '\'';
            }
        }
        return new String(run);
    }

    /**
     * An Aho-Corasick automaton over the anchors: one pass over a text finds whether any of them
     * occurs in it, however many there are.
     */
    static final class Automaton {
        /** Per state: its transitions' characters, sorted, and their target states. */
        private final char[][] labels;

        private final int[][] targets;

        /** Per state: where to go on when no transition fits. */
        private final int[] fail;

        /** Per state: whether some anchor ends here (or in a state it falls back to). */
        private final boolean[] accepts;

        /** Entries of {@link #dense} at most: beyond, ASCII takes the sparse way too. */
        private static final int MAX_DENSE = 1 << 22;

        /**
         * Per ASCII character, its class: 0 for the characters no word has (which lead back to the
         * first state from anywhere), else one per character words have.
         */
        private final int[] classOf = new int[0x80];

        private int classes = 1;

        /**
         * The whole transition function on ASCII, failures followed ahead of time: the next state
         * is {@code dense[state * classes + class]}. Null when too large.
         */
        private int[] dense;

        private Automaton(char[][] labels, int[][] targets, int[] fail, boolean[] accepts) {
            this.labels = labels;
            this.targets = targets;
            this.fail = fail;
            this.accepts = accepts;
        }

        /** Fills {@link #dense}, states taken in breadth-first {@code order}. */
        private void densify(List<Integer> order) {
            for (char[] l : labels) {
                for (char c : l) {
                    if (c < 0x80 && classOf[c] == 0) {
                        classOf[c] = classes++;
                    }
                }
            }
            if ((long) labels.length * classes > MAX_DENSE) {
                return;
            }
            int[] table = new int[labels.length * classes];
            for (int state : order) {
                for (char c = 0; c < 0x80; c++) {
                    int cls = classOf[c];
                    if (cls == 0) {
                        continue;
                    }
                    int to = next(state, c);
                    table[state * classes + cls] =
                            to >= 0 ? to : state == 0 ? 0 : table[fail[state] * classes + cls];
                }
            }
            dense = table;
        }

        static Automaton of(Collection<String> words) {
            List<StringBuilder> labels = new ArrayList<>();
            List<List<Integer>> targets = new ArrayList<>();
            List<Boolean> accepts = new ArrayList<>();
            labels.add(new StringBuilder());
            targets.add(new ArrayList<>());
            accepts.add(false);
            for (String word : words) {
                int state = 0;
                for (int i = 0; i < word.length(); i++) {
                    int next = step(labels.get(state), targets.get(state), word.charAt(i));
                    if (next < 0) {
                        next = labels.size();
                        labels.add(new StringBuilder());
                        targets.add(new ArrayList<>());
                        accepts.add(false);
                        labels.get(state).append(word.charAt(i));
                        targets.get(state).add(next);
                    }
                    state = next;
                }
                accepts.set(state, true);
            }
            int size = labels.size();
            char[][] sortedLabels = new char[size][];
            int[][] sortedTargets = new int[size][];
            for (int s = 0; s < size; s++) {
                sortTransitions(labels.get(s), targets.get(s), sortedLabels, sortedTargets, s);
            }
            boolean[] accepting = new boolean[size];
            for (int s = 0; s < size; s++) {
                accepting[s] = accepts.get(s);
            }
            int[] fail = new int[size];
            Automaton automaton = new Automaton(sortedLabels, sortedTargets, fail, accepting);
            Queue<Integer> queue = new ArrayDeque<>();
            List<Integer> order = new ArrayList<>(size);
            order.add(0);
            for (int child : sortedTargets[0]) {
                queue.add(child);
            }
            while (!queue.isEmpty()) {
                int state = queue.remove();
                order.add(state);
                for (int t = 0; t < sortedLabels[state].length; t++) {
                    int child = sortedTargets[state][t];
                    int back = fail[state];
                    char c = sortedLabels[state][t];
                    while (back > 0 && automaton.next(back, c) < 0) {
                        back = fail[back];
                    }
                    int to = automaton.next(back, c);
                    fail[child] = to > 0 && to != child ? to : 0;
                    accepting[child] |= accepting[fail[child]];
                    queue.add(child);
                }
            }
            automaton.densify(order);
            return automaton;
        }

        private static int step(StringBuilder labels, List<Integer> targets, char c) {
            for (int i = 0; i < labels.length(); i++) {
                if (labels.charAt(i) == c) {
                    return targets.get(i);
                }
            }
            return -1;
        }

        private static void sortTransitions(
                StringBuilder labels,
                List<Integer> targets,
                char[][] sortedLabels,
                int[][] sortedTargets,
                int state) {
            Integer[] order = new Integer[labels.length()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Character.compare(labels.charAt(a), labels.charAt(b)));
            sortedLabels[state] = new char[order.length];
            sortedTargets[state] = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                sortedLabels[state][i] = labels.charAt(order[i]);
                sortedTargets[state][i] = targets.get(order[i]);
            }
        }

        /** The state reached from {@code state} on {@code c} by a transition, or -1. */
        private int next(int state, char c) {
            char[] l = labels[state];
            int found = l.length < 8 ? linear(l, c) : Arrays.binarySearch(l, c);
            return found >= 0 ? targets[state][found] : -1;
        }

        private static int linear(char[] l, char c) {
            for (int i = 0; i < l.length; i++) {
                if (l[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether any word occurs in {@code text}, as it is. */
        boolean findsAnyIn(String text) {
            Scan scan = new Scan();
            for (int i = 0; i < text.length(); i++) {
                if (scan.next(text.charAt(i))) {
                    return true;
                }
            }
            return accepts[0];
        }

        /** Whether any word occurs in {@code text} once folded (see {@link RuleAnchors#fold}). */
        boolean findsAnyInFolded(String text) {
            return accepts[0] || forEachFolded(text, new Scan());
        }

        /** One pass over a text. */
        private final class Scan implements FoldedChars {
            private int state;

            /** Steps on {@code c}; true once some word has ended. */
            @Override
            public boolean next(char c) {
                if (c < 0x80 && dense != null) {
                    int cls = classOf[c];
                    state = cls == 0 ? 0 : dense[state * classes + cls];
                    return accepts[state];
                }
                int to = Automaton.this.next(state, c);
                while (to < 0 && state > 0) {
                    state = fail[state];
                    to = Automaton.this.next(state, c);
                }
                state = Math.max(to, 0);
                return accepts[state];
            }
        }
    }
}
