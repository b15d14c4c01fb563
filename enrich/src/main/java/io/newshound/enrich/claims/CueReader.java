package io.newshound.enrich.claims;

import io.newshound.events.Span;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second reading of a sentence the patterns of {@link ClaimExtractor} found nothing in, from its
 * reporting word outwards rather than from its whole shape: the quotation next to the word, else
 * what follows the word ("Trump called for new tariffs on steel", "Clinton criticized the officer
 * for shooting", "and said their views had changed"), else, when the word ends the sentence, what
 * comes before it ("…, they said."). Its source is the words before the cue back to the clause's
 * start.
 *
 * <p>It reads what the patterns miss because they ask for a whole-sentence shape (a source far from
 * its verb, a verb that is not one of saying, quotation marks that do not pair up); it knows less
 * of the sentence, so its claims are found after the patterns' and only where they found none.
 */
final class CueReader {
    /**
     * The plural present forms of {@link #CUES}, which are also the infinitive and the imperative:
     * they are cues only after their subject ("leaders warn", "he didn't suggest"), not after "to",
     * a modal or a determiner ("a way to tell", "would deny", "the pledge"), nor at the start of a
     * sentence ("Tell us …").
     */
    private static final Set<String> BASE_FORMS =
            Set.of(
                    "say",
                    "argue",
                    "warn",
                    "urge",
                    "insist",
                    "suggest",
                    "explain",
                    "acknowledge",
                    "admit",
                    "contend",
                    "complain",
                    "predict",
                    "recall",
                    "deny",
                    "confirm",
                    "note",
                    "tell",
                    "ask",
                    "accuse",
                    "vow",
                    "pledge",
                    "stress");

    /**
     * Verbs that report what someone said, wrote, asked for or stood for, in their forms; not the
     * ones that are as often nouns ("states", "claims", "reports", "promises").
     */
    static final Set<String> CUES =
            withBaseForms(
                    Set.of(
                            "said",
                            "says",
                            "say",
                            "saying",
                            "told",
                            "tells",
                            "telling",
                            "added",
                            "adds",
                            "adding",
                            "wrote",
                            "writes",
                            "writing",
                            "noted",
                            "noting",
                            "asked",
                            "asks",
                            "asking",
                            "criticized",
                            "criticised",
                            "criticizes",
                            "criticizing",
                            "praised",
                            "praising",
                            "accused",
                            "accuses",
                            "accusing",
                            "urged",
                            "urging",
                            "pledged",
                            "pledging",
                            "vowed",
                            "vowing",
                            "promised",
                            "promising",
                            "announced",
                            "announces",
                            "announcing",
                            "suggested",
                            "suggests",
                            "suggesting",
                            "argued",
                            "argues",
                            "argue",
                            "arguing",
                            "claimed",
                            "claiming",
                            "warned",
                            "warns",
                            "warning",
                            "insisted",
                            "insists",
                            "insisting",
                            "explained",
                            "explains",
                            "explaining",
                            "acknowledged",
                            "acknowledges",
                            "acknowledging",
                            "declared",
                            "declares",
                            "declaring",
                            "stated",
                            "stating",
                            "recalled",
                            "recalls",
                            "recalling",
                            "tweeted",
                            "tweeting",
                            "predicted",
                            "predicts",
                            "denied",
                            "denies",
                            "denying",
                            "admitted",
                            "admits",
                            "confirmed",
                            "confirms",
                            "revealed",
                            "reveals",
                            "disclosed",
                            "mentioned",
                            "mentions",
                            "estimates",
                            "reported",
                            "contended",
                            "complained",
                            "conceded",
                            "boasted",
                            "demanded",
                            "proposed",
                            "proposes",
                            "blamed",
                            "blames",
                            "defended",
                            "testified",
                            "estimated",
                            "confirming",
                            "revealing",
                            "predicting",
                            "complaining",
                            "conceding",
                            "contending",
                            "demanding",
                            "proposing",
                            "blaming",
                            "admitting",
                            "recounting"));

    private static Set<String> withBaseForms(Set<String> cues) {
        Set<String> all = new java.util.HashSet<>(cues);
        all.addAll(BASE_FORMS);
        return Set.copyOf(all);
    }

    /** Words after which a base form is no verb of a subject of its own. */
    private static final Set<String> NOT_BEFORE_BASE =
            Set.of(
                    "to",
                    "the",
                    "a",
                    "an",
                    "his",
                    "her",
                    "their",
                    "its",
                    "our",
                    "this",
                    "that",
                    "would",
                    "could",
                    "will",
                    "can",
                    "should",
                    "must",
                    "may",
                    "might",
                    "won't",
                    "wouldn't",
                    "can't",
                    "couldn't",
                    "now",
                    "and",
                    "or",
                    "please",
                    "let",
                    "us",
                    "me",
                    "him",
                    "them");

    /** Cues of two words, read as one. */
    private static final Set<String> TWO_WORD =
            Set.of(
                    "call for",
                    "call on",
                    "called for",
                    "calls for",
                    "calling for",
                    "called on",
                    "calls on",
                    "calling on",
                    "asked for",
                    "asks for",
                    "asking for",
                    "pointed out",
                    "points out",
                    "pointing out");

    /** Words that begin a clause: the source of a cue lies after the last of them. */
    private static final Set<String> CLAUSE_STARTS =
            Set.of(
                    "and",
                    "but",
                    "when",
                    "while",
                    "because",
                    "as",
                    "after",
                    "before",
                    "if",
                    "though",
                    "although",
                    "since",
                    "where",
                    "which",
                    "who",
                    "that",
                    "so",
                    "yet",
                    "once",
                    "until",
                    "whereas");

    /** The most words a source is taken to have. */
    private static final int MAX_SOURCE_WORDS = 10;

    private final SourceClassifier classifier;

    CueReader(SourceClassifier classifier) {
        this.classifier = classifier;
    }

    /** The claim of {@code text[sentence]}, or null. */
    ExtractedClaim read(String text, int start, int end) {
        String s = text.substring(start, end);
        // "While not everything Trump says is true, Jamieson said …": the first cue may read as
        // nothing, the next one then may
        for (Word cue = firstCue(s, 0); cue != null; cue = firstCue(s, cue.end)) {
            ExtractedClaim claim = readAt(text, start, s, cue);
            if (claim != null) {
                return claim;
            }
        }
        return null;
    }

    private ExtractedClaim readAt(String text, int start, String s, Word cue) {
        Span quote = quoteNear(s, cue);
        Span content;
        boolean quoted;
        if (quote != null) {
            content = quote;
            quoted = true;
        } else {
            content = after(s, cue);
            if (content == null) {
                content = before(s, cue);
            }
            quoted = false;
        }
        if (content == null || (!quoted && asksNothing(s, cue, content))) {
            return null;
        }
        if (passive(s, cue)) {
            return null; // "Previous trips were announced at short notice"
        }
        Span source = sourceBefore(s, cue);
        Span antecedent = antecedent(s, cue);
        if (antecedent != null) {
            // "McConnell, now the majority leader, who in 2010 said …, …": the relative clause
            // ends at its comma, and so does what it says.
            source = antecedent;
            int comma = s.indexOf(", ", content.start());
            if (!quoted && comma > 0 && comma < content.end()) {
                int to = ClaimExtractor.trimmedEnd(s, content.start(), comma);
                if (wordsBetween(s, content.start(), to) < 1) {
                    return null;
                }
                content = new Span(content.start(), to);
            }
        }
        if (source == null && coordinated(s, cue)) {
            source = subjectOf(s);
        }
        String sourceText = source == null ? "" : s.substring(source.start(), source.end());
        if (source == null && cue.end < content.start()) {
            return null; // "Asked about it, …": a cue with no one before it and content after
        }
        if (source == null) {
            Span trailing = trailingSource(s, cue);
            if (trailing == null) {
                return null;
            }
            source = trailing;
            sourceText = s.substring(source.start(), source.end());
        }
        if (!classifier.isPlausibleSource(sourceText)) {
            return null;
        }
        if (NEGATED.matcher(s).region(Math.max(0, cue.start - 24), cue.start).find()
                && !quoted
                && !s.substring(cue.end, content.start()).contains("that")
                && !CLAUSE_START.matcher(s).region(content.start(), content.end()).lookingAt()) {
            // "The Kremlin has not confirmed the visit" claims nothing; "has not said when …" does
            return null;
        }
        String cueText = s.substring(cue.start, cue.end).toLowerCase(Locale.ROOT);
        String contentText = s.substring(content.start(), content.end());
        return new ExtractedClaim(
                sourceText,
                classifier.classify(sourceText),
                null,
                cueText,
                contentText,
                quoted,
                cueText.startsWith("den"), // as read again by ClaimExtractor.readAt
                new Span(start + source.start(), start + source.end()),
                new Span(start + cue.start, start + cue.end),
                new Span(start + content.start(), start + content.end()));
    }

    /**
     * The claim a sentence ending in a colon introduces, the next sentence being its content:
     * "Limbaugh added:" then "“And from a supposed front-runner …”". Null unless the colon closes a
     * cue and its source, with a few words at most between ("told reporters on Monday:").
     */
    ExtractedClaim introducing(String text, int start, int end, int nextStart, int nextEnd) {
        String s = text.substring(start, end).stripTrailing();
        if (!s.endsWith(":")) {
            return null;
        }
        Word cue = firstCue(s);
        if (cue == null) {
            cue = colonCue(s); // "The Times reports:": a verb before a colon, not a noun
        }
        if (cue == null || wordsBetween(s, cue.end, s.length()) > 4) {
            return null;
        }
        Span source = sourceBefore(s, cue);
        if (source == null) {
            source = trailingSource(s.substring(0, s.length() - 1), cue); // "Said Ellis:"
        }
        if (source == null) {
            return null;
        }
        String sourceText = s.substring(source.start(), source.end());
        if (!classifier.isPlausibleSource(sourceText)) {
            return null;
        }
        int from = nextStart;
        while (from < nextEnd && " “\"‘'".indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        boolean quoted = from > nextStart && isQuoteMark(text.charAt(from - 1));
        int to = nextEnd;
        if (quoted) {
            // the quotation, however many sentences it runs over in its paragraph
            int paragraph = text.indexOf("\n\n", from);
            to = paragraph < 0 ? text.length() : paragraph; // a quotation going on
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '”' || text.charAt(i) == '"') {
                    to = i;
                    break;
                }
            }
        }
        to = ClaimExtractor.trimmedEnd(text, from, to);
        if (wordsBetween(text, from, to) < 3) {
            return null;
        }
        String cueText = s.substring(cue.start, cue.end).toLowerCase(Locale.ROOT);
        return new ExtractedClaim(
                sourceText,
                classifier.classify(sourceText),
                null,
                cueText,
                text.substring(from, to),
                quoted,
                cueText.startsWith("den"),
                new Span(start + source.start(), start + source.end()),
                new Span(start + cue.start, start + cue.end),
                new Span(from, to));
    }

    /** The last word before the colon, when it is one of {@link #COLON_CUES}. */
    private static Word colonCue(String s) {
        int end = s.length() - 1;
        int start = end;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        return COLON_CUES.contains(s.substring(start, end)) ? new Word(start, end) : null;
    }

    /** Verbs that are as often nouns, but verbs before a colon: "The report states:". */
    private static final Set<String> COLON_CUES =
            Set.of("reports", "states", "notes", "claims", "continues", "concludes", "explains");

    /**
     * Whether an "asked" is no question or request: "Sybiha asked the envoys about the map" asks
     * nothing; "asked whether …", "asked them to leave" do.
     */
    private static boolean asksNothing(String s, Word cue, Span content) {
        if (!s.regionMatches(true, cue.start, "ask", 0, 3) || content.end() <= cue.end) {
            return false;
        }
        return !ASKING.matcher(s).region(cue.end, content.end()).lookingAt();
    }

    private static final Pattern ASKING =
            Pattern.compile(
                    "\\s+(?:\\S+\\s+){0,4}?(?:if|whether|why|how|what|who|when|where|which|to|for)\\s");

    /** A word of a sentence: where it starts and ends. */
    private record Word(int start, int end) {}

    /** The first words of {@link #TWO_WORD}. */
    private static final Set<String> TWO_WORD_FIRST =
            Set.of(
                    "call",
                    "called",
                    "calls",
                    "calling",
                    "pointed",
                    "points",
                    "pointing",
                    "asked",
                    "asks",
                    "asking");

    /** The longest word looked up, plus one. */
    private static final int LONGEST = 14;

    /**
     * {@link #CUES} and {@link #TWO_WORD_FIRST} by length and first letter: a word of a sentence is
     * looked up there without a string made of it (most sentences reach this reader).
     */
    private static final String[][][] BY_SHAPE = byShape();

    private static String[][][] byShape() {
        String[][][] shapes = new String[LONGEST][26][];
        Set<String> all = new java.util.HashSet<>(CUES);
        all.addAll(TWO_WORD_FIRST);
        for (String w : all) {
            String[] bucket = shapes[w.length()][w.charAt(0) - 'a'];
            String[] grown =
                    bucket == null
                            ? new String[1]
                            : java.util.Arrays.copyOf(bucket, bucket.length + 1);
            grown[grown.length - 1] = w;
            shapes[w.length()][w.charAt(0) - 'a'] = grown;
        }
        return shapes;
    }

    /** The cue word {@code s[begin, end)} is, in lower case as written, or null. */
    private static String lookUp(String s, int begin, int end) {
        int length = end - begin;
        char first = s.charAt(begin);
        if (length >= LONGEST || first < 'a' || first > 'z') {
            return null;
        }
        String[] candidates = BY_SHAPE[length][first - 'a'];
        if (candidates != null) {
            for (String c : candidates) {
                if (s.regionMatches(begin, c, 0, length)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static Word firstCue(String s) {
        return firstCue(s, 0);
    }

    /** The first cue of {@code s} from {@code from} on. */
    private static Word firstCue(String s, int from) {
        int i = from;
        int n = s.length();
        while (i < n) {
            while (i < n && !Character.isLetter(s.charAt(i))) {
                i++;
            }
            int begin = i;
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i == begin) {
                continue;
            }
            String word = lookUp(s, begin, i);
            if (word == null) {
                continue;
            }
            if (TWO_WORD_FIRST.contains(word) && i + 1 < n && s.charAt(i) == ' ') {
                int next = i + 1;
                int nextEnd = next;
                while (nextEnd < n && Character.isLetter(s.charAt(nextEnd))) {
                    nextEnd++;
                }
                if (TWO_WORD.contains(word + " " + s.substring(next, nextEnd))) {
                    return new Word(begin, nextEnd);
                }
            }
            if (CUES.contains(word) && !(BASE_FORMS.contains(word) && noSubjectBefore(s, begin))) {
                return new Word(begin, i);
            }
        }
        return null;
    }

    /** Whether the word before {@code begin} leaves a base form without a subject of its own. */
    private static boolean noSubjectBefore(String s, int begin) {
        int end = begin;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && s.charAt(start - 1) != ' ') {
            start--;
        }
        if (start == end) {
            return true; // the sentence starts with it
        }
        String before = s.substring(start, end).toLowerCase(Locale.ROOT).replace('’', '\'');
        if (before.equals("to") && catenative(s, start)) {
            return false; // "protesters continued to call for …": the subject is theirs
        }
        return NOT_BEFORE_BASE.contains(before)
                || !Character.isLetter(before.charAt(before.length() - 1));
    }

    /**
     * Whether the word before the "to" at {@code to} is a verb that hands its subject on:
     * "continued to", "refuses to", "wants to"; not "a way to", "is to".
     */
    private static boolean catenative(String s, int to) {
        int end = to;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        String verb = s.substring(start, end).toLowerCase(Locale.ROOT);
        return CATENATIVE.matcher(verb).matches();
    }

    private static final String CATENATIVE_VERB =
            "(?:continu|refus|want|plan|need|tr|declin|hop|vow|promis|pledg|decid|threaten|"
                    + "intend|prepar|agre|fail|seem|appear|rush|move)(?:e|es|ed|s|ies|ied|d)?";

    private static final Pattern CATENATIVE = Pattern.compile(CATENATIVE_VERB);

    /** "protesters continued to": the verb before the cue's "to" is no part of its source. */
    private static final Pattern TRAILING_CATENATIVE =
            Pattern.compile("(?i)\\s+" + CATENATIVE_VERB + "\\s+to$");

    private static boolean hasQuoteMark(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isQuoteMark(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuoteMark(char c) {
        return c == '“' || c == '”' || c == '"' || c == '„';
    }

    /** The inside of a quotation that ends or starts within a few words of the cue, or null. */
    private static Span quoteNear(String s, Word cue) {
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            if (!isQuoteMark(s.charAt(i))) {
                continue;
            }
            if (open < 0) {
                open = i;
                continue;
            }
            int close = i;
            boolean before =
                    close < cue.start
                            && wordsBetween(s, close + 1, cue.start) <= 6
                            && !s.substring(close + 1, cue.start).contains(" and ")
                            // "Hemsley, the co-author of “Going Viral,” about …, said": an aside
                            && !hasCommaBetween(s, close + 2, cue.start);
            boolean after = open >= cue.end && wordsBetween(s, cue.end, open) <= 3;
            if ((before || after) && close - open > 5) {
                int from = open + 1;
                int to = ClaimExtractor.trimmedEnd(s, from, close);
                // marks that do not pair ("” , – “") may hold no words at all
                return to - from >= 4 && wordsBetween(s, from, to) > 0 ? new Span(from, to) : null;
            }
            open = -1;
        }
        return null;
    }

    private static boolean hasCommaBetween(String s, int from, int to) {
        int comma = s.indexOf(',', from);
        return comma >= 0 && comma < to;
    }

    private static int wordsBetween(String s, int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(s.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /** What follows the cue to the end of the sentence, when it is at least a short clause. */
    private static Span after(String s, Word cue) {
        int from = cue.end;
        String rest = s.substring(from);
        // "told reporters that …", "said that …", "said: …"
        int that = rest.indexOf(" that ");
        if (that >= 0 && wordsBetween(rest, 0, that) <= 4) {
            from += that + 6;
        }
        while (from < s.length() && " ,:".indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        int to = s.length();
        int according = s.indexOf(", according to", from);
        if (according > 0) {
            to = according;
        }
        // "…, looping the streets around the stadium": what the source went on to do
        Matcher participle = PARTICIPLE_AFTER.matcher(s).region(from, to);
        if (participle.find() && !hasQuoteMark(s, from, participle.start())) {
            to = participle.start();
        }
        to = ClaimExtractor.trimmedEnd(s, from, to);
        if (to <= from || wordsBetween(s, from, to) < 1) {
            return null;
        }
        return new Span(from, to);
    }

    private static final Pattern PARTICIPLE_AFTER = Pattern.compile(",\\s+\\p{Ll}+ing\\s");

    /** Before a cue that ends the sentence ("…, the senator said."): the text before its comma. */
    private static Span before(String s, Word cue) {
        int comma = s.lastIndexOf(',', cue.start);
        if (comma <= 0 || wordsBetween(s, comma, cue.start) > MAX_SOURCE_WORDS) {
            return null;
        }
        int to = ClaimExtractor.trimmedEnd(s, 0, comma);
        int from = 0;
        while (from < to && " “\"".indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        return wordsBetween(s, from, to) >= 3 ? new Span(from, to) : null;
    }

    /** The words before the cue back to the start of its clause, at most a few. */
    private static Span sourceBefore(String s, Word cue) {
        return sourceBefore(s, cue, 0);
    }

    private static Span sourceBefore(String s, Word cue, int depth) {
        int end = cue.start;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        // Auxiliaries and adverbs between the source and its verb: "has also", "is", "repeatedly".
        int start = end;
        int words = 0;
        int i = end;
        while (i > 0 && words < MAX_SOURCE_WORDS) {
            int wordEnd = i;
            while (i > 0 && s.charAt(i - 1) == ' ') {
                i--;
                wordEnd = i;
            }
            if (i == 0 || ",;:—–(“”\"".indexOf(s.charAt(i - 1)) >= 0) {
                break;
            }
            int wordStart = i;
            while (wordStart > 0
                    && s.charAt(wordStart - 1) != ' '
                    && ",;:—–(“”\"".indexOf(s.charAt(wordStart - 1)) < 0) {
                wordStart--;
            }
            String word = s.substring(wordStart, wordEnd).toLowerCase(Locale.ROOT);
            if (CLAUSE_STARTS.contains(word)) {
                break;
            }
            start = wordStart;
            words++;
            i = wordStart;
        }
        Matcher lead = LEADING_ADVERB.matcher(s).region(start, end);
        if (lead.lookingAt()) {
            start = lead.end(); // "Later he criticized …": the source is "he"
        }
        String source = s.substring(start, end);
        String stripped;
        while (!(stripped = TRAILING_AUXILIARY.matcher(source).replaceFirst("")).equals(source)
                || !(stripped = TRAILING_CATENATIVE.matcher(source).replaceFirst(""))
                        .equals(source)) {
            source = stripped;
        }
        if (source.isBlank()) {
            // "Donald Trump, in particular, has sharply criticized": past the aside to its subject.
            int comma = start - 1;
            while (comma >= 0 && s.charAt(comma) == ' ') {
                comma--;
            }
            int aside = comma > 0 && s.charAt(comma) == ',' ? s.lastIndexOf(',', comma - 1) : -1;
            if (aside > 0 && depth == 0 && wordsBetween(s, aside, comma) <= 30) {
                return sourceBefore(s, new Word(aside, aside + 1), 1);
            }
            return null;
        }
        return new Span(start, start + source.length());
    }

    /**
     * The noun a relative clause with the cue hangs on, when it stands before a comma: "The Saudi
     * government, which has strongly denied …" and "McConnell, now the majority leader, who in 2010
     * said …". Null when there is none.
     */
    private static Span antecedent(String s, Word cue) {
        Matcher m = RELATIVE_BEFORE.matcher(s.substring(Math.max(0, cue.start - 40), cue.start));
        if (!m.find() || m.group("subject") != null) {
            return null; // "donations, which he said were …": the clause has a subject of its own
        }
        int comma = Math.max(0, cue.start - 40) + m.start();
        Span before = sourceBefore(s, new Word(comma, comma + 1), 1);
        if (before == null) {
            return null;
        }
        // "… has also included members of the Saudi government, which …": the noun phrase after
        // the last verb
        Matcher verb = VERB_IN_SOURCE.matcher(s).region(before.start(), before.end());
        int after = -1;
        while (verb.find()) {
            after = verb.end();
        }
        if (after > 0) {
            while (after < before.end() && s.charAt(after) == ' ') {
                after++;
            }
            if (after >= before.end()) {
                return null;
            }
            before = new Span(after, before.end());
        }
        Matcher now = LEADING_ADVERB.matcher(s).region(before.start(), before.end());
        return now.lookingAt() ? new Span(now.end(), before.end()) : before;
    }

    private static final Pattern VERB_IN_SOURCE =
            Pattern.compile("\\b(?:has|have|had|is|are|was|were|\\p{Ll}+ed)\\b");

    /** ", who", ", which" and what may stand between it and the cue ("in 2010", "has also"). */
    private static final Pattern RELATIVE_BEFORE =
            Pattern.compile(
                    ",\\s+(?:who|which)\\s+(?<subject>(?:he|she|they|it|we|I|\\p{Lu}\\S*)\\s+)?"
                            + "(?:[^\\s,;:“”\"]+\\s+){0,3}$");

    /** A sentence adverb before a source: "Later he …", "However, the ministry …". */
    private static final Pattern LEADING_ADVERB =
            Pattern.compile(
                    "(?i)(?:later|then|now|also|meanwhile|however|still|yet|earlier|separately|"
                            + "instead|today|yesterday),?\\s+");

    /** An auxiliary or adverb between a source and its verb: "has also", "is", "sharply". */
    private static final Pattern TRAILING_AUXILIARY =
            Pattern.compile(
                    "(?i)(?:^|\\s+)(?:has|have|had|is|are|was|were|also|again|then|later|already|"
                            + "did|does|will|would|not|never|\\p{L}+n[’']t|\\p{L}+ly)$");

    private static final Pattern CLAUSE_START =
            Pattern.compile("(?:whether|if|when|why|how|what|who|where|which|to)\\s");

    /** A negation right before the cue: "has not", "didn't", "never", "has not yet". */
    private static final Pattern NEGATED =
            Pattern.compile("(?:\\bnot|\\bnever|n[’']t)(?:\\s+(?:yet|\\p{L}+ly))?\\s+$");

    private static final Pattern PASSIVE =
            Pattern.compile("(?i)\\b(?:is|are|was|were|be|been|being|get|got)\\s+(?:\\w+ly\\s+)?$");

    /** Whether the cue is a passive ("were announced", "is being asked"): no one speaks there. */
    private static boolean passive(String s, Word cue) {
        if (s.startsWith("ing", cue.end - 3)) {
            return false; // "was saying", "are urging": a speaker at work, not a passive
        }
        return PASSIVE.matcher(s.substring(Math.max(0, cue.start - 30), cue.start)).find();
    }

    /** Whether the cue follows "and" or "but": its subject is the clause's, further back. */
    private static boolean coordinated(String s, Word cue) {
        String before = s.substring(0, cue.start).stripTrailing().toLowerCase(Locale.ROOT);
        // "…, and has called for …": past the auxiliaries
        String stripped;
        while (!(stripped = TRAILING_AUXILIARY.matcher(before).replaceFirst("")).equals(before)) {
            before = stripped;
        }
        return before.endsWith(" and") || before.endsWith(" but") || before.endsWith(", and");
    }

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "we", "i", "it");

    /** Words that end a subject: the verb or auxiliary that follows it. */
    private static final Set<String> VERB_STARTS =
            Set.of(
                    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                    "could", "should", "may", "might", "must", "did", "does", "do", "also", "then",
                    "later", "first", "who", "which", "that");

    /**
     * The subject at the start of the sentence, past a leading phrase ending in a comma ("Walking
     * to the next address, Ebeling …"): a pronoun, or the words before its first verb ("European
     * diplomats were shown …"), a few at most.
     */
    private static Span subjectOf(String s) {
        int from = 0;
        int comma = s.indexOf(", ");
        String first = s.split("[ ,]", 2)[0];
        if (comma > 0
                && (first.endsWith("ing")
                        || Set.of("In", "On", "At", "After", "During", "Before", "Since", "With")
                                .contains(first))) {
            from = comma + 2;
        }
        int i = from;
        int end = from;
        int words = 0;
        while (i < s.length() && words < MAX_SOURCE_WORDS) {
            int wordEnd = i;
            while (wordEnd < s.length() && s.charAt(wordEnd) != ' ' && s.charAt(wordEnd) != ',') {
                wordEnd++;
            }
            String word = s.substring(i, wordEnd);
            String lower = word.toLowerCase(Locale.ROOT);
            if (words == 0 && PRONOUNS.contains(lower)) {
                return new Span(i, wordEnd);
            }
            boolean verb =
                    VERB_STARTS.contains(words == 0 ? lower : word) // "Theresa May"
                            || CUES.contains(lower)
                            || (!Character.isUpperCase(word.isEmpty() ? 'a' : word.charAt(0))
                                    && lower.endsWith("ed"));
            if (word.isEmpty() || verb) {
                break;
            }
            end = wordEnd;
            words++;
            if (wordEnd >= s.length() || s.charAt(wordEnd) == ',') {
                break;
            }
            i = wordEnd + 1;
        }
        return end > from ? new Span(from, end) : null;
    }

    /** The words after a cue that ends its sentence ("…, said Jim Bopp, a member of …"). */
    private static Span trailingSource(String s, Word cue) {
        int from = cue.end;
        while (from < s.length() && s.charAt(from) == ' ') {
            from++;
        }
        int to = from;
        int words = 0;
        while (to < s.length() && words < MAX_SOURCE_WORDS && ",.;".indexOf(s.charAt(to)) < 0) {
            if (s.charAt(to) == ' ') {
                words++;
            }
            to++;
        }
        return to > from ? new Span(from, to) : null;
    }
}
