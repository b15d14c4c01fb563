package io.newshound.enrich.claims;

import io.newshound.enrich.claims.SentenceSplitter.Sentence;
import io.newshound.events.SourceType;
import io.newshound.events.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds attributed statements in a text: "X reports/said/told … that …", "…, X said", "according to
 * X, …", "…, according to X", and headlines ending "– media".
 *
 * <p>Back-references ("the people said", "he added", "the report notes") take the earlier source
 * they point to; a source cited by an outlet ("Bloomberg reports, citing informed sources") is
 * recorded as relayed by that outlet.
 */
public final class ClaimExtractor {
    private static final String DAY =
            "(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
                    + "earlier|later|previously|last\\s+week|this\\s+week|on\\s+\\w+\\s+\\d{1,2})";

    /** Reporting verbs of one word; {@link #VERB} adds the ones that take more. */
    private static final List<String> VERBS =
            List.of(
                    "said",
                    "says",
                    "say",
                    "reported",
                    "reports",
                    "report",
                    "noted",
                    "notes",
                    "note",
                    "added",
                    "adds",
                    "announced",
                    "announces",
                    "stated",
                    "states",
                    "insisted",
                    "insists",
                    "insist",
                    "claimed",
                    "claims",
                    "proposed",
                    "proposes",
                    "warned",
                    "warns",
                    "confirmed",
                    "confirms",
                    "denied",
                    "denies",
                    "deny",
                    "wrote",
                    "writes",
                    "explained",
                    "explains",
                    "stressed",
                    "stresses",
                    "emphasized",
                    "emphasised",
                    "argued",
                    "argues",
                    "suggested",
                    "suggests",
                    "estimated",
                    "estimates",
                    "acknowledged",
                    "acknowledges",
                    "admitted",
                    "admits",
                    "alleged",
                    "alleges",
                    "revealed",
                    "reveals",
                    "disclosed",
                    "indicated",
                    "indicates",
                    "asserted",
                    "asserts",
                    "declared",
                    "declares",
                    "maintained",
                    "maintains",
                    "replied",
                    "responded",
                    "commented",
                    "observed",
                    "demands",
                    "demanded",
                    "rejects",
                    "rejected",
                    "opposes",
                    "believes",
                    "expects",
                    "hopes",
                    "fears",
                    "told",
                    "tells",
                    "asked",
                    "asks",
                    "recalled",
                    "recalls",
                    "tweeted",
                    "testified",
                    "predicted",
                    "predicts",
                    "promised",
                    "promises",
                    "vowed",
                    "vows",
                    "urged",
                    "urges",
                    "accused",
                    "accuses",
                    "conceded",
                    "concedes",
                    "complained",
                    "contended",
                    "contends",
                    "countered",
                    "cautioned",
                    "recounted",
                    "mentioned",
                    "mentions",
                    "reiterated",
                    "concluded",
                    "continued",
                    "agreed",
                    "agrees");

    /** The verbs of a headline in title case; see {@link #TITLE_SAYS}. */
    private static final List<String> TITLE_VERBS =
            List.of(
                    "Says",
                    "Said",
                    "Tells",
                    "Warns",
                    "Claims",
                    "Insists",
                    "Denies",
                    "Vows",
                    "Urges",
                    "Admits",
                    "Argues",
                    "Predicts",
                    "Reveals",
                    "Reports",
                    "Suggests",
                    "Announces",
                    "Confirms");

    /** Verbs that lead a claim only with "that" or a colon; see {@link #weakLeadingCue}. */
    private static final Set<String> WEAK_LEADING_VERBS =
            Set.of("continued", "concluded", "agreed", "agrees", "asked", "asks");

    private static final String VERB =
            "(?:told\\s+(?:reporters|journalists|the\\s+press|a\\s+briefing|them|him|her|us|"
                    + "[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*){0,3})|"
                    + "tells\\s+(?:reporters|journalists|[A-Z][\\w-]*)|pointed\\s+out|made\\s+clear|"
                    + String.join("|", VERBS)
                    + ")";

    /**
     * Every pattern but the headline's needs one of these words, as a word of its own: a sentence
     * without any (most sentences) is passed over without running the patterns.
     */
    private static final Set<String> CUE_WORDS = cueWords();

    /** An adverb before a verb ("repeatedly said"); not a noun or name in -ly ("family said"). */
    private static final String ADVERB =
            "(?!(?:family|families|ally|rally|supply|assembly|italy|july|anomaly|reply|belly|"
                    + "monopoly|daily|weekly|monthly|quarterly|homily)\\s)\\p{Ll}+ly\\s+";

    private static final String CUE =
            "(?:also\\s+|reportedly\\s+|previously\\s+|earlier\\s+|(?:has|have|had)\\s+"
                    + "(?:"
                    + ADVERB
                    + "|also\\s+|long\\s+|often\\s+)?|"
                    + ADVERB
                    + ")?"
                    + VERB;
    private static final String SOURCE =
            "(?:[\\p{L}\\p{N}’'./&-]+)(?:\\s+[\\p{L}\\p{N}’'./&()-]+){0,9}?";

    /** What may stand between a source and its verb: "Lance Beebe, 49, a Navy veteran, said …". */
    private static final String APPOSITIVE =
            "(?:(?:,\\s+[^,“”\"]{1,120}?){1,4},"
                    // "Sen. Chris Murphy (a Connecticut Democrat) says", "the justice -- who … --
                    // said"
                    + "|\\s+\\([^()“”\"]{1,120}\\),?|\\s+(?:--?|—|–)\\s+[^—–“”\"]{1,160}?\\s+(?:--?|—|–))?";

    /** A quotation going on after its source: "“…,” she said, “but I could overlook it.”" */
    private static final String MORE =
            "(?:,\\s+(?:and\\s+|but\\s+)?(?:[“\"](?<more>[^“”\"]{3,})[”\"]|''(?<more2>[^“”\"]{3,}?)''))?";

    /**
     * What may follow a trailing source and verb: where and when ("in an interview", "on Tuesday"),
     * a participle after a comma ("…, adding that …"), or whom after "told". Not a clause of its
     * own: in "In Arizona, Mr. Trump said his plan would …" the claim follows the verb.
     */
    private static final String AFTER_CUE =
            "(?:(?:,\\s+(?:and\\s+)?|\\s+(?:before|after|while|and)\\s+)(?:adding|saying|noting|"
                    + "arguing|warning|insisting|explaining|stressing|telling)\\b.*"
                    // whom: "told reporters in Kyiv"; no further clause after a comma
                    + "|(?<=told|tells|asked|asks|urged|warned)\\s+(?:(?!\\bthat\\s)[^“”\",])*"
                    + "|,[^“”\"]*"
                    + "|\\s+(?:on|in|at|"
                    + "during|with|after|before|to|from|for|of|last|this|earlier|later|late|early|"
                    + "when|while|as|via|through|under|over|outside|since|about|Monday|Tuesday|"
                    + "Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|recently|"
                    + "again|then|now|previously|publicly|privately|repeatedly|also|afterward|"
                    + "separately|instead|too)\\b(?:(?!\\bthat\\s)[^“”\"])*"
                    // "Gowdy said sarcastically."
                    + "|\\s+\\p{Ll}+ly)?";

    /** The end of a quoted or reported passage before its source: a comma, a closing quote. */
    private static final String QUOTE_END = "(?:,[”\"]?|,''|[”\"],?|'',?)";

    /** A word joining the sentence to the one before: "But Cox says …". */
    private static final String CONJUNCTION =
            "(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]till|[Ss]o|[Nn]ow|[Tt]hen|[Mm]eanwhile|[Hh]owever|"
                    + "[Ii]nstead|[Ss]imilarly|[Ll]ikewise|[Mm]oreover),?\\s+)?";

    /** A source, what may stand between it and its verb, the verb and when. */
    private static final String SOURCE_AND_CUE =
            "(?<source>(?!(?:who|which|whom|that)\\s)"
                    + SOURCE
                    + ")"
                    + APPOSITIVE
                    + "\\s+(?<cue>"
                    + CUE
                    + ")(?:\\s+"
                    + DAY
                    + ")?";

    /** "…, Bloomberg reports, citing informed sources." and "“…,” the report notes." */
    private static final Pattern TRAILING =
            Pattern.compile(
                    "^(?<content>.+?)"
                            + QUOTE_END
                            + "\\s+"
                            + SOURCE_AND_CUE
                            + "(?<tail>,\\s+citing\\s+(?<cited>[^,.]+))?"
                            + MORE
                            + AFTER_CUE
                            // "… wrote in an email to Eisen, and “full of it.”"
                            + "(?:,\\s+(?:and\\s+|but\\s+)?(?:still\\s+)?[“\"](?<late>[^“”\"]{3,})[”\"])?"
                            + "[.!?]?$");

    /** "…, said Foreign Minister Sergei Lavrov." */
    private static final Pattern TRAILING_INVERTED =
            Pattern.compile(
                    "^(?<content>.+?)"
                            + QUOTE_END
                            + "\\s+(?<cue>said|says|added|noted|wrote|asked|declared|explained|"
                            + "continued|replied|recalled|insisted|argued|warned|told)\\s+"
                            + "(?<source>[^,“”\"]{3,80}?)(?:,[^“”\"]*?)?"
                            + "(?:\\s*[“\"](?<more>[^“”\"]{3,})[”\"])?[.!?]?$");

    /** "The only problem, Ms. Bigbee said, is that …": the source inside the claim. */
    private static final String MIDDLE_VERB =
            "(?:said|says|say|added|noted|argued|argues|insisted|warned|believes|believe|"
                    + "believed|acknowledged|explained|wrote|writes|reported|reports|suggested|"
                    + "suggests|claimed|claims|predicted|conceded|contended|stressed|recalled|"
                    + "thinks|think|thought|fears|hopes|admitted|maintained|maintains|told\\s+me|"
                    + "told\\s+reporters)"
                    // "suggested in a tweet", "said on Tuesday"
                    + "(?:\\s+(?:in|on|at|to|during|last|this)\\s+[^,“”\"]{1,40})?";

    private static final Pattern MIDDLE =
            Pattern.compile(
                    "^(?<content>[^,“”\"]{3,}?),\\s+(?<source>"
                            + SOURCE
                            + ")\\s+(?<cue>"
                            + MIDDLE_VERB
                            + "),\\s+"
                            + "(?!adding|saying|citing|according|noting|who|which|as|but|and)"
                            + "(?<more>[^“”\"]{8,}?)[.!?]?$");

    /** What {@link #MIDDLE} needs: a verb between commas. */
    private static final Pattern MIDDLE_HINT = Pattern.compile("\\s" + MIDDLE_VERB + ",\\s");

    /** "At the same time, a White House representative said that …" */
    /** A dateline: "CLEVELAND, July 19 (UPI) — ". */
    private static final String DATELINE = "(?:\\p{Lu}[\\p{Lu} .]+,[^—–]{1,40}?\\s+[—–]\\s+)?";

    private static final Pattern LEADING =
            leading("^" + DATELINE + "(?:(?<lead>[^“\"]{1,120}?),\\s+|[^,“\":]{1,120}:\\s+)?");

    /** After a "that": "One thing in her favour is that 78 percent of voters said they …". */
    private static final Pattern LEADING_AFTER_THAT = leading("^[^,“\"]{1,120}?\\s+that\\s+");

    /** The same without a lead: "Lance Beebe, 49, a Navy veteran, said …". */
    private static final Pattern LEADING_SOURCE_FIRST = leading("^");

    private static Pattern leading(String lead) {
        return Pattern.compile(
                lead
                        + CONJUNCTION
                        + "(?:(?:when|where|after|because|since|while|although|though|as|once|"
                        + "until|When|Where|After|Because|Since|While|Although|Though|As|Once)\\s+)?"
                        + SOURCE_AND_CUE
                        + "(?:,\\s+citing\\s+(?<cited>[^,]+?),)?"
                        // whom and where: "told the paper on Tuesday that", "said in a statement
                        // that"
                        + "(?:\\s+[^,.:;“”\"\\s]+(?:\\s+[^,.:;“”\"\\s]+){0,6}?(?=\\s+that\\s))?"
                        + "(?::|,)?\\s+(?:that\\s+)?"
                        + "(?<content>.{12,})$");
    }

    /**
     * The verb in a second clause of the subject: "Sullivan put off the decision but said the group
     * could come back later", "By evening, Mr. Trump backtracked and said that …".
     */
    private static final Pattern COORDINATED =
            Pattern.compile(
                    "^(?:[^,“\"]{1,60},\\s+)?"
                            + CONJUNCTION
                            + "(?<source>(?:He|She|They|\\p{Lu}[\\p{L}\\p{N}’'.&-]*"
                            + "(?:\\s+\\p{Lu}[\\p{L}\\p{N}’'.&()-]*){0,4}))"
                            + "\\s+\\p{Ll}[^“”\";:]{2,160}?\\s+(?:and|but)\\s+(?:also\\s+|later\\s+|then\\s+)?"
                            + "(?<cue>said|says|say|added|argued|warned|insisted|noted|acknowledged|"
                            + "claimed|conceded|told\\s+(?:reporters|journalists|[A-Z][\\w-]*))"
                            + "(?:\\s+"
                            + DAY
                            + ")?,?\\s+(?:that\\s+)?(?<content>.{12,})$");

    /** The subject of a sentence, for the patterns that find its verb far from it. */
    private static final String SUBJECT =
            "(?<source>(?:He|She|They|\\p{Lu}[\\p{L}\\p{N}’'.&-]*"
                    + "(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}’'.&()-]*|of|de|al|and)){0,5}))";

    /** A participle after what its subject did: "Clinton attacked Trump, saying he would …". */
    private static final String PARTICIPLE_CUE =
            "(?<cue>saying|adding|arguing|suggesting|claiming|insisting|warning|noting|"
                    + "stressing|explaining|asserting|contending|predicting|acknowledging|"
                    + "promising|vowing|pledging|tweeting|writing|urging|calling\\s+for|"
                    + "calling\\s+on|denying|complaining|announcing|declaring|"
                    + "telling\\s+(?:[^,.:;“”\"]{2,40}?(?=\\s+that\\s|:|,)|(?:reporters|journalists|"
                    + "him|her|them|us|viewers|supporters|investors|the\\s+\\p{L}+|\\p{Lu}[\\w-]*"
                    + "(?:\\s+\\p{Lu}[\\w-]*){0,3})(?:\\s+on\\s+\\p{Lu}\\w+)?))";

    private static final Pattern PARTICIPIAL =
            Pattern.compile(
                    "^(?:[^,“\"]{1,60},\\s+)?"
                            + CONJUNCTION
                            + SUBJECT
                            + APPOSITIVE
                            + "\\s+\\p{Ll}[^“”\";:]{2,200}?,\\s+(?:and\\s+)?(?:by\\s+)?"
                            + PARTICIPLE_CUE
                            + "(?:\\s+that\\s+|:\\s*|,\\s*|\\s+)(?<content>[^\\s].{11,})$");

    /** What {@link #PARTICIPIAL} needs. */
    private static final Pattern PARTICIPIAL_HINT =
            Pattern.compile(
                    ",\\s+(?:and\\s+)?(?:by\\s+)?(?:saying|adding|arguing|suggesting|claiming|"
                            + "insisting|warning|noting|stressing|explaining|asserting|contending|"
                            + "predicting|acknowledging|telling|promising|vowing|pledging|tweeting|"
                            + "writing|urging|calling|denying|complaining|announcing|declaring)\\b");

    /** A headline in title case: "Hollande Says Trump ‘Makes You Want To Retch’". */
    private static final Pattern TITLE_SAYS =
            Pattern.compile(
                    // "Railing Against Trump, Sanders Vows …": past a leading phrase
                    "^(?:\\p{Lu}[^,“”\"]{1,60},\\s+)?"
                            + titleSource(5)
                            + "\\s+(?<content>[\\p{Lu}“\"‘'].{8,}?)[.!?]?$");

    /** "As The Hill reported, …". */
    private static final Pattern AS_SOURCE_REPORTED =
            Pattern.compile(
                    "^(?:[Jj]ust\\s+)?[Aa]s\\s+(?<source>[^,]{2,80}?)\\s+(?<cue>(?:first\\s+)?reported|"
                            + "reports|noted|notes|wrote|said|says|put\\s+it),\\s+(?<content>.{12,})$");

    /** "As reported by Western Journalism, …". */
    private static final Pattern AS_REPORTED_BY =
            Pattern.compile(
                    "^(?:[Jj]ust\\s+)?[Aa]s\\s+(?<cue>(?:first\\s+)?reported|noted)\\s+by\\s+"
                            + "(?<source>[^,]{2,80}),\\s+(?<content>.{12,})$");

    /** "According to people familiar with the matter, …" */
    private static final Pattern ACCORDING_FIRST =
            Pattern.compile(
                    "^(?<cue>[Aa]ccording\\s+to)\\s+(?<source>[^,]{2,200}?),\\s+(?<content>.{12,})$");

    /** "…, according to a person with knowledge of the matter[, asking …]." */
    private static final Pattern ACCORDING_LAST =
            Pattern.compile(
                    "^(?<content>.{12,}?),?\\s+(?<cue>according\\s+to)\\s+(?<source>[^,]{2,120}?)"
                            + "(?:,.*)?[.!?)]*$");

    /** "… and, according to media reports, was received …" */
    private static final Pattern ACCORDING_INSIDE =
            Pattern.compile(",\\s+(?<cue>according\\s+to)\\s+(?<source>[^,]{2,80}),");

    /** A headline naming its source last: "“Clinton Hid Her Illness,” Former Doctor Says". */
    private static final Pattern TITLE_SAYS_LAST =
            Pattern.compile(
                    "^[“\"‘']?(?<content>\\p{Lu}.{10,}?)[”\"’']?,[”\"’']?\\s+"
                            + titleSource(6)
                            + "[.!?]?$");

    /**
     * A headline's source in title case, up to {@code words} words, then its verb: the groups
     * {@code source} and {@code cue} of {@link #TITLE_SAYS} and {@link #TITLE_SAYS_LAST}.
     */
    private static String titleSource(int words) {
        return "(?<source>\\p{Lu}[\\p{L}’'.-]*(?:\\s+\\p{Lu}[\\p{L}’'.-]*){0,"
                + (words - 1)
                + "})\\s+(?<cue>"
                + String.join("|", TITLE_VERBS)
                + ")";
    }

    /** Headline: "US hands Putin draft peace plan – media". */
    private static final Pattern HEADLINE =
            Pattern.compile("^(?<content>.{12,}?)\\s+[–—-]\\s+(?<source>[\\p{L} .]{2,40})$");

    /**
     * A content cut off in mid-clause ("…, and", "… that"); "that" as an object ("all of that",
     * "can do that") ends a clause well.
     */
    private static final Pattern DANGLING =
            Pattern.compile(
                    "(?i)\\s(and|but|or|which|who|while)$"
                            + "|(?<!\\s(?:of|about|like|than|with|for|on|at|in|from|by|do|does"
                            + "|did|done|doing))\\sthat$");

    /**
     * Whether the content {@code sentence[start, end)} is cut off in mid-clause. A "that" ending
     * the sentence itself is an object ("… could change that."), not a clause left open.
     */
    private static boolean dangling(String sentence, int start, int end) {
        Matcher m = DANGLING.matcher(sentence).region(start, end);
        if (!m.find()) {
            return false;
        }
        boolean endsSentence = end == trimmedEnd(sentence, start, sentence.length());
        return !(endsSentence && sentence.regionMatches(true, end - 4, "that", 0, 4));
    }

    private static final Pattern DENIAL_CUE =
            Pattern.compile("(?i)\\b(denied|denies|deny|rejected|rejects|refuted|dismissed)\\b");
    private static final Pattern NEGATION =
            Pattern.compile(
                    "(?i)\\b(is|are|was|were|has|have|had|do|does|did|will|would|could|can)\\s+not\\b|"
                            + "n[’']t\\b|\\bnot\\s+(currently|yet|planned|true)\\b|\\bno\\s+(plans?|"
                            + "such|agreement|meeting)\\b|\\bnever\\b|^no\\s");

    private static String plainSpaces(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00A0' || c == '\u2007' || c == '\u2009' || c == '\u202F') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final SourceClassifier classifier = new SourceClassifier();
    private final CueReader cues = new CueReader(classifier);

    /** Whether an earlier claim's content (a quotation going on) takes in {@code sentence}. */
    private static boolean covered(List<ExtractedClaim> claims, Sentence sentence) {
        for (int i = claims.size() - 1; i >= 0; i--) {
            Span c = claims.get(i).contentSpan();
            if (c.end() > sentence.start() && c.start() < sentence.end()) {
                return true;
            }
        }
        return false;
    }

    /** The claims of {@code text}, in order of appearance. */
    public List<ExtractedClaim> extract(String text) {
        // No-break and thin spaces read as spaces; one character for one, so spans hold.
        text = plainSpaces(text);
        List<ExtractedClaim> claims = new ArrayList<>();
        Context context = new Context();
        List<Sentence> sentences = splitter.split(text);
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            ExtractedClaim claim = claimOf(text, sentence, i == 0, context);
            if (claim == null && !covered(claims, sentence)) {
                claim = readAt(text, sentence.start(), sentence.end(), context);
            }
            if (claim == null && i + 1 < sentences.size()) {
                Sentence next = sentences.get(i + 1);
                ExtractedClaim c =
                        cues.introducing(
                                text, sentence.start(), sentence.end(), next.start(), next.end());
                claim = c == null ? null : resolved(c, context);
            }
            if (claim != null) {
                claim = continuedQuote(text, wholeQuote(text, claim), sentence.end());
                ExtractedClaim second = secondClaim(text, sentence, claim);
                if (second != null && claim.contentSpan().end() > second.cueSpan().start()) {
                    claim = claim.cutAt(text, second.cueSpan().start());
                } else if (second == null && !claim.quote()) {
                    Matcher other = OTHER_SOURCE.matcher(text);
                    other.region(claim.contentSpan().start(), claim.contentSpan().end());
                    if (other.find()) {
                        // "74 percent said they are set on him, while 22 percent said they might
                        // change their mind": two sources, two claims.
                        ExtractedClaim next = otherSourceClaim(other, text, context);
                        if (next != null) {
                            ExtractedClaim cut = claim.cutAt(text, other.start());
                            if (cut != null) {
                                claim = cut;
                                second = next;
                            }
                        }
                    }
                }
                if (claim != null && !claim.quote()) {
                    // "… the reality of climate change, though he opposes the plan": a concession
                    // is the writer's, not the source's.
                    Matcher concession = CONCESSION.matcher(text);
                    concession.region(claim.contentSpan().start(), claim.contentSpan().end());
                    if (concession.find()) {
                        ExtractedClaim cut = claim.cutAt(text, concession.start());
                        claim = cut != null ? cut : claim;
                    }
                }
                ExtractedClaim lead =
                        claim == null ? null : leadClaim(text, sentence, claim, context);
                if (lead != null) {
                    claims.add(lead);
                }
                if (claim != null) {
                    claims.add(claim);
                    context.remember(claim);
                }
                if (second != null) {
                    claims.add(second);
                }
                ExtractedClaim tail =
                        claim == null
                                ? null
                                : tailClaim(
                                        text, sentence, second != null ? second : claim, context);
                if (tail != null) {
                    claims.add(tail);
                }
            } else {
                context.notice(classifier.outletIn(sentence.of(text)));
            }
        }
        return claims;
    }

    /**
     * A claim in what comes before a sentence's claim: "While he acknowledged «funding was a
     * reason», Ham also noted …". Read by the cue reader, before the first of the claim's spans.
     */
    private ExtractedClaim leadClaim(
            String text, Sentence sentence, ExtractedClaim claim, Context context) {
        int first = claim.firstOffset();
        if (first - sentence.start() < 20 || first > sentence.end()) {
            return null;
        }
        ExtractedClaim lead = readAt(text, sentence.start(), first, context);
        return lead != null && lead.contentSpan().end() <= first ? lead : null;
    }

    /** A claim after the last of a sentence's claims: "…, Ham said, and Kyiv urged …". */
    private ExtractedClaim tailClaim(
            String text, Sentence sentence, ExtractedClaim claim, Context context) {
        int last = claim.lastOffset();
        if (sentence.end() - last < 20 || last < sentence.start()) {
            return null;
        }
        return readAt(text, last, sentence.end(), context);
    }

    /**
     * The cue reader's claim of {@code text[start, end)}, its source resolved as the patterns' are
     * ("he" is who spoke before, "people familiar with the matter" are relayed by the outlet named
     * last) and its denial read the same way.
     */
    private ExtractedClaim readAt(String text, int start, int end, Context context) {
        ExtractedClaim c = cues.read(text, start, end);
        return c == null ? null : resolved(c, context);
    }

    /** A claim of the cue reader with its source resolved and its denial read. */
    private ExtractedClaim resolved(ExtractedClaim c, Context context) {
        Resolved who = resolve(c.source(), null, context);
        return new ExtractedClaim(
                who.source,
                who.type,
                who.relayedBy,
                c.cue(),
                c.content(),
                c.quote(),
                isDenial(c.cue(), c.content()),
                c.sourceSpan(),
                c.cueSpan(),
                c.contentSpan());
    }

    private static final Pattern CONCESSION = Pattern.compile(",\\s+(?:although|though)\\s");

    /** A second source with its verb inside a reported claim: "…, while 22 percent said …". */
    private static final Pattern OTHER_SOURCE =
            Pattern.compile(
                    ",?\\s+(?:while|whereas|but|and|as)\\s+(?<source>"
                            + SOURCE
                            + ")\\s+(?<cue>said|says|say|told\\s+reporters|added|argued|argue|"
                            + "insisted|warned|noted|claimed|claim|believe|believes)\\s+(?:that\\s+)?"
                            + "(?<content>[^“”\"]{12,}?)[.!?]?$");

    private ExtractedClaim otherSourceClaim(Matcher m, String text, Context context) {
        String rawSource = m.group("source").strip();
        if (!classifier.isPlausibleSource(rawSource)) {
            return null;
        }
        int start = m.start("content");
        int end = m.end("content");
        end = trimmedEnd(text, start, end);
        if (end - start < 12) {
            return null;
        }
        Resolved who = resolve(rawSource, null, context);
        String content = text.substring(start, end);
        return new ExtractedClaim(
                who.source,
                who.type,
                who.relayedBy,
                m.group("cue").replaceAll("\\s+", " "),
                content,
                false,
                isDenial(m.group("cue"), content),
                new Span(m.start("source"), m.end("source")),
                new Span(m.start("cue"), m.end("cue")),
                new Span(start, end));
    }

    /** "…, he said, adding that …": a second claim of the same source in its sentence. */
    private static final Pattern PARTICIPLE =
            Pattern.compile(
                    "(?:,\\s+(?:and\\s+)?(?<cue>adding|saying|noting|arguing|warning|insisting|"
                            + "explaining|stressing|telling\\s+[^,.:;“”\"]{2,40}?(?=\\s+that\\s|:|,))"
                            // "… has criticized the deals and called for new tariffs"
                            + "|,?\\s+(?:and|but)\\s+(?:also\\s+|then\\s+|later\\s+)?(?<verb>called\\s+for|"
                            + "called\\s+on|calls\\s+for|said|says|added|urged|pledged|vowed|warned|"
                            + "promised|argued|insisted|noted|suggested|announced|accused|criticized|"
                            + "demanded|predicted|claimed|acknowledged|admitted|denied|told\\s+"
                            + "(?:reporters|journalists|\\p{Lu}[\\w-]*)))"
                            + "(?:\\s+that\\s+|:\\s*|,\\s*|\\s+)(?<content>[^\\s].{11,}?)[.!?]?$");

    private static ExtractedClaim secondClaim(
            String text, Sentence sentence, ExtractedClaim first) {
        int from = first.cueSpan().end() - sentence.start();
        String s = sentence.of(text);
        if (from < 0 || from >= s.length()) {
            return null;
        }
        Matcher m = PARTICIPLE.matcher(s);
        if (!m.find(from)) {
            return null;
        }
        int start = m.start("content");
        int end = m.end("content");
        while (start < end && "“\"‘' ".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        end = trimmedEnd(s, start, end);
        if (end - start < 12) {
            return null;
        }
        int base = sentence.start();
        String content = s.substring(start, end);
        String group = m.group("cue") != null ? "cue" : "verb";
        String cue = m.group(group);
        return new ExtractedClaim(
                first.source(),
                first.sourceType(),
                first.relayedBy(),
                cue.replaceAll("\\s+", " "),
                content,
                start > 0 && "“\"'".indexOf(s.charAt(start - 1)) >= 0,
                isDenial(cue, content),
                first.sourceSpan(),
                new Span(base + m.start(group), base + m.end(group)),
                new Span(base + start, base + end));
    }

    /**
     * A quotation that runs over several sentences ("“The economy is in the emergency room. We can
     * walk now,” she said.") is split by sentence; the claim found in its last sentence takes in
     * the whole quotation, back to its opening mark.
     */
    static ExtractedClaim wholeQuote(String text, ExtractedClaim claim) {
        Span content = claim.contentSpan();
        int end = content.end();
        while (end < text.length() && ",.!?".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        boolean closed =
                end < text.length() && (text.charAt(end) == '”' || text.startsWith("''", end));
        if (!closed || content.start() == 0) {
            return claim;
        }
        String opening = text.charAt(end) == '”' ? "“" : "''";
        String closing = text.charAt(end) == '”' ? "”" : "''";
        int before = content.start() - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        if (before >= 0 && (text.charAt(before) == '“' || text.startsWith("''", before - 1))) {
            return claim; // the quotation opens right there: it is one sentence long
        }
        int open = text.lastIndexOf(opening, content.start() - opening.length());
        if (open < 0) {
            return claim;
        }
        String between = text.substring(open + opening.length(), content.start());
        if (between.indexOf('\n') >= 0 || between.contains(closing)) {
            return claim; // another paragraph, or a quotation already closed
        }
        Span whole = new Span(open + opening.length(), content.end());
        return claim.quoting(text.substring(whole.start(), whole.end()), whole);
    }

    /** The opening mark of each closing one, to tell a quotation left open from a new one. */
    private static final Map<String, String> OPENING = Map.of("”", "“", "''", "''", "\"", "\"");

    /**
     * A quotation that goes on after its source ("“…,” she said. “It is a sisterhood.”") takes in
     * what follows when that is a quotation of whole sentences (it ends with its own full stop, so
     * no other source follows it), or one ending its paragraph.
     */
    static ExtractedClaim continuedQuote(String text, ExtractedClaim claim, int sentenceEnd) {
        if (!claim.quote()) {
            return claim;
        }
        int at = sentenceEnd;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        String closing;
        if (text.startsWith("“", at)) {
            closing = "”";
        } else if (text.startsWith("''", at)) {
            closing = "''";
        } else if (text.startsWith("\"", at)) {
            closing = "\"";
        } else {
            return claim;
        }
        int open = at + (closing.equals("''") ? 2 : 1);
        int close = text.indexOf(closing, open);
        int paragraph = text.indexOf('\n', at);
        int paragraphEnd = paragraph < 0 ? text.length() : paragraph;
        if (close < 0 || close > paragraphEnd) {
            // Not closed in its paragraph: the usual style of a quotation that goes on in the
            // next paragraph. It runs to the end of this one at least.
            if (paragraphEnd - open < 2
                    || text.substring(open, paragraphEnd).contains(OPENING.get(closing))) {
                return claim;
            }
            close = paragraphEnd;
            while (close > open && Character.isWhitespace(text.charAt(close - 1))) {
                close--;
            }
        } else {
            int after = close + closing.length();
            boolean endsParagraph = text.substring(after, paragraphEnd).isBlank();
            boolean wholeSentences = close > open && ".!?".indexOf(text.charAt(close - 1)) >= 0;
            if (!endsParagraph && !wholeSentences) {
                return claim;
            }
        }
        int end = close;
        while (end > open && ",.!? ".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end - open < 2) {
            return claim;
        }
        // The content reads as the quotation alone; its span runs over the attribution between.
        return claim.quoting(
                claim.content() + ". " + text.substring(open, end),
                new Span(claim.contentSpan().start(), end));
    }

    private ExtractedClaim claimOf(String text, Sentence sentence, boolean first, Context context) {
        String s = sentence.of(text);
        int base = sentence.start();
        Matcher m;
        if (first && !s.endsWith(".") && (m = HEADLINE.matcher(s)).matches()) {
            ExtractedClaim claim = build(m, base, s, context);
            if (claim != null) {
                return claim;
            }
        }
        if (!hasCueWord(s)) {
            return null;
        }
        for (Pattern pattern :
                List.of(
                        TITLE_SAYS,
                        TITLE_SAYS_LAST,
                        AS_SOURCE_REPORTED,
                        AS_REPORTED_BY,
                        MIDDLE,
                        TRAILING,
                        TRAILING_INVERTED,
                        ACCORDING_FIRST,
                        ACCORDING_LAST,
                        LEADING,
                        LEADING_SOURCE_FIRST,
                        COORDINATED,
                        PARTICIPIAL,
                        LEADING_AFTER_THAT)) {
            if ((pattern == MIDDLE && !MIDDLE_HINT.matcher(s).find())
                    || (pattern == COORDINATED && !s.contains(" and ") && !s.contains(" but "))
                    || (pattern == PARTICIPIAL && !PARTICIPIAL_HINT.matcher(s).find())
                    || (pattern == LEADING_AFTER_THAT && !s.contains(" that "))
                    || ((pattern == TITLE_SAYS || pattern == TITLE_SAYS_LAST) && !hasTitleVerb(s))
                    || ((pattern == AS_SOURCE_REPORTED || pattern == AS_REPORTED_BY)
                            && !(s.startsWith("As ")
                                    || s.startsWith("as ")
                                    || s.startsWith("Just as ")))
                    || ((pattern == ACCORDING_FIRST || pattern == ACCORDING_LAST)
                            && !s.contains("ccording to"))) {
                continue; // cheap checks first: most sentences cannot match these
            }
            m = pattern.matcher(s);
            if (m.matches()
                    && !(isLeading(pattern) && weakLeadingCue(m, s))
                    && !nounCue(m, s)
                    && !(pattern == LEADING && reportsInLead(m))
                    && !(pattern == TRAILING_INVERTED && isClause(m, s))
                    && !(pattern == TRAILING && isLeadOnly(m, s))
                    && !(pattern == MIDDLE && shortSubjectWithoutVerb(m))) {
                ExtractedClaim claim = build(m, base, s, context);
                if (claim != null) {
                    return pattern == TRAILING ? goingOn(claim, m, base, s) : claim;
                }
            }
        }
        m = ACCORDING_INSIDE.matcher(s);
        if (m.find()) {
            return buildWhole(m, base, s, context);
        }
        m = NOUN_CUE.matcher(s);
        if (m.find()) {
            return buildNounCue(m, base, s, context);
        }
        return null;
    }

    /**
     * A claim named by a noun with its clause: "Trump's claim that there were thousands of
     * shootings", "a New York Times report that …", "contradicting the police's earlier claim that
     * …".
     */
    private static final Pattern NOUN_CUE =
            Pattern.compile(
                    "(?<source>(?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,4}?\\p{Lu}[\\p{L}.-]*(?=[’']s\\s)|"
                            + "(?<=\\b[Aa]n?\\s)(?:\\p{Lu}[\\p{L}.-]*\\s+){0,3}\\p{Lu}[\\p{L}.-]*(?=\\s)|"
                            + "\\b(?:his|her|their))(?:[’']s)?\\s+(?:earlier\\s+|repeated\\s+|latest\\s+|"
                            + "new\\s+|recent\\s+)?(?<cue>claims?|assertions?|warnings?|statements?|"
                            + "arguments?|acknowledg(?:e)?ment|insistence|promises?|pledges?|denials?|"
                            + "accusations?|allegations?|reports?|suggestion|contention)\\s+that\\s+"
                            + "(?<content>.{12,})$");

    private ExtractedClaim buildNounCue(Matcher m, int base, String sentence, Context context) {
        String raw = m.group("source");
        // "his claim" points back like "he said"
        String pronoun =
                switch (raw) {
                    case "his" -> "he";
                    case "her" -> "she";
                    case "their" -> "they";
                    default -> null;
                };
        if (pronoun == null && !classifier.isPlausibleSource(raw)) {
            return null;
        }
        int start = m.start("content");
        int end = sentence.length();
        if (m.start() < 40 && m.start() > 0) {
            // "Contrary to his claim that people would learn nothing, there would be …": the
            // sentence goes on after the clause.
            int comma = sentence.indexOf(',', start);
            end = comma > 0 ? comma : end;
        }
        end = trimmedEnd(sentence, start, end);
        if (end - start < 12) {
            return null;
        }
        Resolved who = resolve(pronoun != null ? pronoun : raw, null, context);
        String content = sentence.substring(start, end);
        return new ExtractedClaim(
                who.source,
                who.type,
                who.relayedBy,
                m.group("cue"),
                content,
                false,
                isDenial(m.group("cue"), content),
                span(m, "source", base),
                span(m, "cue", base),
                new Span(base + start, base + end));
    }

    /**
     * The claim going on after its source: "The middle fifth paid 8.9 percent, the agency said in a
     * June report, and the bottom fifth paid 0.8 percent." reads as one claim across the
     * attribution.
     */
    private static ExtractedClaim goingOn(ExtractedClaim claim, Matcher m, int base, String s) {
        Matcher more = GOING_ON.matcher(s).region(m.end("cue"), s.length());
        if (!more.lookingAt() || claim.contentSpan().end() > base + m.start("source")) {
            return claim;
        }
        int from = more.start("rest");
        int to = trimmedEnd(s, from, s.length());
        if (to - from < 12) {
            return claim;
        }
        return claim.quoting(
                closed(claim.content()) + " " + s.substring(from, to),
                new Span(claim.contentSpan().start(), base + to));
    }

    /**
     * {@code part} with a quotation it opens closed, so that parts read together do not leave a
     * mark hanging: "Oz is “smart as hell” and full of it", not "Oz is “smart as hell and …".
     */
    static String closed(String part) {
        int open = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            open += c == '“' ? 1 : c == '”' && open > 0 ? -1 : 0;
        }
        return open > 0 ? part + "”" : part;
    }

    private static final Pattern GOING_ON =
            Pattern.compile(
                    "[^,“”\"]{0,60}?,\\s+(?:and|that)\\s+"
                            + "(?<rest>(?:the|a|an|those|these|this|it|its|his|her|their|some|many|"
                            + "most|\\p{Lu}|''|“|\")(?!\\S*\\s+(?:said|says|added|told)\\b).*)$");

    /**
     * Whether a short start of a {@link #MIDDLE} claim is not the subject of what follows the
     * source: "Climate change, Mr. Obama says, is the greatest threat" is one claim, "In Kyiv,
     * officials said, the talks …" is not.
     */
    private static boolean shortSubjectWithoutVerb(Matcher m) {
        return m.group("content").length() < 15 && !PREDICATE.matcher(m.group("more")).lookingAt();
    }

    private static final Pattern PREDICATE =
            Pattern.compile(
                    "(?:is|are|was|were|would|will|has|have|had|could|should|can|may|might|must)\\s");

    /**
     * Whether what follows an inverted verb reads as a clause, not as who spoke: in "Eswar Prasad,
     * a professor at Cornell, said financial integration had amplified …" the source comes first.
     */
    private static boolean isClause(Matcher m, String sentence) {
        String source = m.group("source").strip();
        if (AUXILIARY.matcher(source).find() || source.split("\\s+").length > 10) {
            return true;
        }
        // Without a closing quotation mark before the verb, "Roxana Leon, 63, a voter from Miami,
        // said she wanted …" names its source first: only a name or a title may follow the verb.
        String before = sentence.substring(m.end("content"), m.start("cue"));
        if (QUOTE_MARK.matcher(before).find()) {
            return false;
        }
        // "Ivanka Trump, the nominee's eldest daughter, noted the rule …": a name and what it is
        // come first, so what follows the verb is what was noted.
        return !NAMED.matcher(source).find()
                || NAME_AND_APPOSITIVE.matcher(m.group("content")).find();
    }

    private static final Pattern NAME_AND_APPOSITIVE =
            Pattern.compile(
                    "^(?:\\p{Lu}[\\p{L}’'.-]*\\s+){0,3}\\p{Lu}[\\p{L}’'.-]*,\\s+[\\p{Ll}\\d]");

    private static final Pattern QUOTE_MARK = Pattern.compile("[”\"']");

    private static final Pattern NAMED =
            Pattern.compile("^(?:\\p{Lu}|(?:the|a|an|one|two|three|several|some|many|another)\\s)");

    private static final Pattern AUXILIARY =
            Pattern.compile(
                    "\\b(?:had|has|have|did|does|do|is|are|was|were|will|would|could|\\p{L}+n[’']t)\\b");

    /**
     * Whether the lead before a source reports speech itself: in "Linick said that he was
     * satisfied, but he urged …" the claim is the lead's, not a second source's.
     */
    private static boolean reportsInLead(Matcher m) {
        String lead = m.group("lead");
        return lead != null && REPORTING_IN_LEAD.matcher(lead).find();
    }

    private static final Pattern REPORTING_IN_LEAD =
            Pattern.compile("\\b(?:said|says|say|told|tells|according\\s+to)\\b");

    /**
     * Whether what stands before a trailing source is only a lead, not a claim: "After the tweet,
     * Todd asked the mogul about it." A quotation is always a claim.
     */
    private static boolean isLeadOnly(Matcher m, String sentence) {
        int start = m.start("content");
        // "In addition, the campaign plans …, a spokesman announced": a clause after the lead
        return start < sentence.length()
                && "“\"'".indexOf(sentence.charAt(start)) < 0
                && !m.group("content").contains(", ")
                && LEAD_ONLY.matcher(m.group("content")).lookingAt();
    }

    private static final Pattern LEAD_ONLY =
            Pattern.compile(
                    "(?:After|Before|In|On|At|During|When|While|Since|For|From|With|Without|By|"
                            + "Under|Over|Following|Despite|Although|Though|Because|If|Unlike|Like|"
                            + "Asked|Speaking|Pointing|Writing|Responding|Referring|Later|Earlier|"
                            + "Meanwhile|Separately|Still|However|Yet|Then|Now|Also|Instead|"
                            + "\\p{Lu}\\p{Ll}+ing)\\b(?:(?!\\b(?:is|are|was|were|will|would|has|have|had|"
                            + "can|could|should|must|may|might)\\b)[^“”\"])*$");

    private static boolean isLeading(Pattern pattern) {
        return pattern == LEADING
                || pattern == LEADING_SOURCE_FIRST
                || pattern == LEADING_AFTER_THAT;
    }

    /**
     * A verb that reports speech only after a quotation ("…,” he continued.) or with "that" or a
     * colon: "Fighting continued overnight near …" and "Russia agreed to …" are no claims.
     */
    private static boolean weakLeadingCue(Matcher m, String sentence) {
        String verb = m.group("cue").replaceAll("^.*\\s", "");
        if (!WEAK_LEADING_VERBS.contains(verb)) {
            return false;
        }
        String between = sentence.substring(m.end("cue"), m.start("content"));
        if (between.contains(":") || between.matches("(?s).*\\bthat\\s+$")) {
            return false;
        }
        // "Todd asked the mogul about it" asks nothing; "asked whether the plan …" does.
        return !(verb.startsWith("ask") && QUESTION.matcher(m.group("content")).lookingAt());
    }

    /**
     * Whether the cue is a noun there, not a verb: "visited several states", "the claims", "its
     * reports". Only the forms that are as often nouns are checked.
     */
    private static boolean nounCue(Matcher m, String sentence) {
        String cue = m.group("cue");
        if (!NOUN_FORMS.contains(cue.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return DETERMINER_BEFORE.matcher(sentence.substring(0, m.start("cue"))).find();
    }

    private static final Set<String> NOUN_FORMS =
            Set.of(
                    "states",
                    "claims",
                    "reports",
                    "report",
                    "notes",
                    "note",
                    "promises",
                    "demands",
                    "fears",
                    "hopes",
                    "estimates",
                    "vows",
                    "denies");

    private static final Pattern DETERMINER_BEFORE =
            Pattern.compile(
                    "(?i)\\b(?:the|a|an|several|many|some|these|those|other|both|all|its|their|his|"
                            + "her|our|your|my|new|such|no|few|more|most|member|two|three|four|"
                            + "five|of|whose|any|each|media|press|news|false|earlier|recent|"
                            // "battleground states", "twenty-seven states", "renewed fears"
                            + "battleground|swing|neighbou?ring|western|eastern|northern|southern|"
                            + "gulf|baltic|arab|\\p{L}+-(?:one|two|three|four|five|six|seven|eight|nine)|"
                            + "six|seven|eight|nine|ten|eleven|twelve|\\d+|dozen|renewed|worst|deep|"
                            + "growing|lingering|raised)\\s+$");

    private static final Pattern QUESTION =
            Pattern.compile("(?:\\S+\\s+){0,4}?(?:if|whether|why|how|what|who|when|where)\\s");

    private static final Pattern SOURCE_ADVERB =
            Pattern.compile("(?:\\s+(?:often|also|again|then|later|still|never|always|once))+$");

    private ExtractedClaim build(Matcher m, int base, String sentence, Context context) {
        // "Mr. Obama often says": the adverb goes with the verb.
        String rawSource = SOURCE_ADVERB.matcher(m.group("source").strip()).replaceFirst("");
        String cue = has(m, "cue") ? m.group("cue") : "–";
        // What follows "according to" is a source however long it is ("early results of exit
        // polls conducted for the networks by Edison Research").
        boolean according = cue.regionMatches(true, 0, "according", 0, 9);
        if (!(according ? rawSource.length() >= 2 : classifier.isPlausibleSource(rawSource))) {
            return null;
        }
        Span cueSpan =
                has(m, "cue")
                        ? span(m, "cue", base)
                        : new Span(base + m.end("content"), base + m.start("source"));
        String cited =
                has(m, "cited") && m.group("cited") != null ? m.group("cited").strip() : null;
        int contentStart = m.start("content");
        int contentEnd = m.end("content");
        // Trim quotation marks, "that", and trailing punctuation off the content.
        while (contentStart < contentEnd && "“\"‘' ".indexOf(sentence.charAt(contentStart)) >= 0) {
            contentStart++;
        }
        contentEnd = trimmedEnd(sentence, contentStart, contentEnd);
        boolean quoted = contentStart > 0 && "“\"'".indexOf(sentence.charAt(contentStart - 1)) >= 0;
        // A quotation may be short ("“Technicals,” Bob said."); reported speech is a clause.
        String more =
                has(m, "more") && m.group("more") != null
                        ? "more"
                        : has(m, "more2") && m.group("more2") != null
                                ? "more2"
                                : has(m, "late") && m.group("late") != null ? "late" : null;
        boolean goesOn = more != null;
        if ((!goesOn && contentEnd - contentStart < (quoted ? 4 : 12))
                || (!quoted && dangling(sentence, contentStart, contentEnd))) {
            return null;
        }
        boolean quote = contentStart > 0 && "“\"'".indexOf(sentence.charAt(contentStart - 1)) >= 0;
        Resolved who = resolve(rawSource, cited, context);
        String content = sentence.substring(contentStart, contentEnd);
        if (goesOn) {
            // The claim goes on after its source: read as one, spanning both parts.
            int moreEnd = trimmedEnd(sentence, m.start(more), m.end(more));
            content = closed(content) + " " + sentence.substring(m.start(more), moreEnd);
            contentEnd = moreEnd;
        }
        return new ExtractedClaim(
                who.source,
                who.type,
                who.relayedBy,
                cue.replaceAll("\\s+", " "),
                content,
                quote,
                isDenial(cue, content),
                new Span(base + m.start("source"), base + m.start("source") + rawSource.length()),
                cueSpan,
                new Span(base + contentStart, base + contentEnd));
    }

    /** A mid-sentence attribution: the whole sentence is the claim. */
    private ExtractedClaim buildWhole(Matcher m, int base, String sentence, Context context) {
        String rawSource = m.group("source").strip();
        Resolved who = resolve(rawSource, null, context);
        int end = sentence.length();
        while (end > 0 && ".!? ".indexOf(sentence.charAt(end - 1)) >= 0) {
            end--;
        }
        return new ExtractedClaim(
                who.source,
                who.type,
                who.relayedBy,
                m.group("cue").toLowerCase(Locale.ROOT),
                sentence.substring(0, end),
                false,
                isDenial(m.group("cue"), sentence),
                span(m, "source", base),
                span(m, "cue", base),
                new Span(base, base + end));
    }

    private record Resolved(String source, SourceType type, String relayedBy) {}

    private Resolved resolve(String rawSource, String cited, Context context) {
        String source = stripLeadingArticle(rawSource);
        if (cited != null) {
            // "Reuters, citing Bloomberg, reported": Bloomberg claims it, Reuters relays it.
            String relay = source;
            SourceType citedType = classifier.classify(cited);
            context.notice(classifier.outletIn(relay) != null ? relay : null);
            return new Resolved(cited, citedType, relay);
        }
        if (SourceClassifier.isBackReference(rawSource)) {
            ExtractedClaim antecedent = context.antecedent(rawSource);
            if (antecedent != null) {
                return new Resolved(
                        antecedent.source(), antecedent.sourceType(), antecedent.relayedBy());
            }
            if (rawSource
                            .toLowerCase(Locale.ROOT)
                            .matches("the (report|agency|newspaper|outlet|publication)")
                    && context.lastOutlet != null) {
                return new Resolved(context.lastOutlet, SourceType.OUTLET, null);
            }
        }
        SourceType type = classifier.classify(source);
        String relayedBy = null;
        if (type == SourceType.ANONYMOUS) {
            String named = classifier.outletIn(source);
            boolean generic = source.toLowerCase(Locale.ROOT).contains("media");
            relayedBy = named != null ? named : generic ? null : context.lastOutlet;
        }
        return new Resolved(source, type, relayedBy);
    }

    private static String stripLeadingArticle(String source) {
        // "the Kremlin" and "The Kremlin" are one source; "a White House representative" keeps its
        // article.
        String s = source.replaceFirst("^(?i:the)\\s+(?=\\p{Lu})", "");
        // A sentence-initial article: "A ministry spokesman" reads as "a ministry spokesman".
        return s.replaceFirst("^A(n?)\\s", "a$1 ");
    }

    private static Set<String> cueWords() {
        Set<String> words = new HashSet<>(VERBS);
        words.addAll(List.of("told", "tells", "pointed", "made", "according", "According"));
        words.addAll(TITLE_VERBS);
        words.addAll(
                List.of(
                        "saying",
                        "adding",
                        "arguing",
                        "suggesting",
                        "claiming",
                        "insisting",
                        "warning",
                        "noting",
                        "stressing",
                        "explaining",
                        "asserting",
                        "contending",
                        "predicting",
                        "acknowledging",
                        "telling",
                        "promising",
                        "vowing",
                        "pledging",
                        "tweeting",
                        "writing",
                        "urging",
                        "calling",
                        "denying",
                        "complaining",
                        "announcing",
                        "declaring"));
        // the nouns of NOUN_CUE
        words.addAll(
                List.of(
                        "claim",
                        "assertion",
                        "assertions",
                        "warning",
                        "warnings",
                        "statements",
                        "statement",
                        "argument",
                        "arguments",
                        "acknowledgment",
                        "acknowledgement",
                        "insistence",
                        "promise",
                        "pledge",
                        "pledges",
                        "denial",
                        "denials",
                        "accusation",
                        "accusations",
                        "allegation",
                        "allegations",
                        "suggestion",
                        "contention"));
        return Set.copyOf(words);
    }

    /**
     * The end of a claim's content with closing marks and punctuation trimmed off, but for a
     * closing mark whose opening one is inside the content: "‘Will Not Sign A Surrender’".
     */
    static int trimmedEnd(String text, int start, int end) {
        while (end > start) {
            char c = text.charAt(end - 1);
            if (c == '’' && text.lastIndexOf('‘', end - 2) >= start) {
                break;
            }
            if (c == '”' && text.lastIndexOf('“', end - 2) >= start) {
                break;
            }
            if ("”\"’',.;: ".indexOf(c) < 0) {
                break;
            }
            end--;
        }
        return end;
    }

    private static boolean hasTitleVerb(String sentence) {
        for (String verb : TITLE_VERBS) {
            if (sentence.contains(" " + verb + " ")
                    || sentence.endsWith(" " + verb)
                    || sentence.endsWith(" " + verb + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code sentence} has a word of {@link #CUE_WORDS}. */
    static boolean hasCueWord(String sentence) {
        int n = sentence.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(sentence.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(sentence.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length >= 3 && length <= 12 && CUE_WORDS.contains(sentence.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDenial(String cue, String content) {
        return DENIAL_CUE.matcher(cue).find() || NEGATION.matcher(content).find();
    }

    private static boolean has(Matcher m, String group) {
        return m.pattern().pattern().contains("(?<" + group + ">");
    }

    private static Span span(Matcher m, String group, int base) {
        return new Span(base + m.start(group), base + m.end(group));
    }

    /** What earlier sentences said: the sources a back-reference may point to. */
    private final class Context {
        private final List<ExtractedClaim> earlier = new ArrayList<>();
        private String lastOutlet;

        void remember(ExtractedClaim claim) {
            earlier.add(claim);
            if (claim.sourceType() == SourceType.OUTLET) {
                lastOutlet = claim.source();
            } else if (claim.relayedBy() != null) {
                lastOutlet = claim.relayedBy();
            }
        }

        void notice(String outlet) {
            if (outlet != null) {
                lastOutlet = outlet;
            }
        }

        ExtractedClaim antecedent(String backReference) {
            String ref = backReference.toLowerCase(Locale.ROOT);
            // "the officials" points at the last source that was officials of some kind.
            String noun = ref.replaceFirst("^the\\s+", "").replaceFirst("s$", "");
            if (!noun.equals(ref) && noun.length() > 3) {
                for (int i = earlier.size() - 1; i >= 0; i--) {
                    if (earlier.get(i).source().toLowerCase(Locale.ROOT).contains(noun)) {
                        return earlier.get(i);
                    }
                }
            }
            boolean wantsAnonymous = ref.matches(".*(people|person|source|sources)");
            boolean wantsOutlet = ref.matches("the (report|agency|newspaper|outlet|publication)");
            boolean wantsBody = ref.equals("it"); // "It said …": a ministry, a paper, not a person
            for (int i = earlier.size() - 1; i >= 0; i--) {
                ExtractedClaim c = earlier.get(i);
                SourceType t = c.sourceType();
                if (wantsBody) {
                    if (t == SourceType.ORGANIZATION || t == SourceType.OUTLET) {
                        return c;
                    }
                    continue;
                }
                if (wantsAnonymous && t == SourceType.ANONYMOUS) {
                    return c;
                }
                if (wantsOutlet && (t == SourceType.OUTLET || c.relayedBy() != null)) {
                    return t == SourceType.OUTLET
                            ? c
                            : new ExtractedClaim(
                                    c.relayedBy(),
                                    SourceType.OUTLET,
                                    null,
                                    c.cue(),
                                    c.content(),
                                    c.quote(),
                                    c.denial(),
                                    c.sourceSpan(),
                                    c.cueSpan(),
                                    c.contentSpan());
                }
                if (!wantsAnonymous
                        && !wantsOutlet
                        && (t == SourceType.OFFICIAL || t == SourceType.PERSON)) {
                    return c;
                }
            }
            return null;
        }
    }
}
