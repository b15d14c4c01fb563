package io.newshound.enrich.claims;

import io.newshound.enrich.topics.TextFolding;
import io.newshound.events.SourceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Decides what kind of source a source phrase names, and whether it names one at all. */
final class SourceClassifier {
    private static final Pattern ANONYMOUS =
            Pattern.compile(
                    "(?i)\\b(sources?|people|person|insiders?|familiar|knowledge|unnamed|anonymous|"
                            + "informed|media reports|reports|briefed|condition of anonymity|"
                            + "not authori[sz]ed|asked not to be (named|identified))\\b");
    private static final Pattern GENERIC_OUTLET =
            Pattern.compile(
                    "(?i)^(the\\s+)?(media|press|newspaper|agency|outlet|broadcaster|report|"
                            + "publication|channel|magazine|news agency|wire service)$");
    private static final Pattern OFFICE =
            Pattern.compile(
                    "(?i)\\b(president|vice president|prime minister|ministers?|secretary|spokes(man|"
                            + "woman|person|men|women|people)|representatives?|envoys?|ambassadors?|officials?|"
                            + "advisers?|advisors?|aides?|chancellor|governor|mayor|general|commander|chief|head|senator|"
                            + "congressman|congresswoman|lawmaker|deputy|diplomats?|negotiators?|"
                            + "premier|king|pope|director|press secretary|speaker|commissioner|"
                            + "mp|chairman|chairwoman|leader)\\b");
    private static final Pattern ORGANIZATION =
            Pattern.compile(
                    "(?i)^(the\\s+)?(kremlin|white house|pentagon|state department|foreign ministry|"
                            + "defen[cs]e ministry|ministry|government|cabinet|parliament|verkhovna rada|"
                            + "congress|senate|nato|eu|european union|european commission|un|united nations|"
                            + "iaea|kyiv|moscow|washington|beijing|brussels|london|paris|berlin|ukraine|"
                            + "russia|the us|us|u\\.s\\.|united states|china|europe|"
                            + "[\\p{L}’' ]+ (ministry|government|office|department|council|committee|"
                            + "agency|company|army|forces|command))$");
    private static final Pattern RESEARCH =
            Pattern.compile("(?i)\\b(survey|poll|study|think tank|institute|university)\\b");
    private static final Pattern SOURCE_NOUN =
            Pattern.compile(
                    "(?i)\\b(sources?|people|person|officials?|representatives?|spokes\\w+|minister|"
                            + "president|envoys?|diplomats?|analysts?|experts?|media|report|agency|"
                            + "newspaper|government|ministry|insiders?|aides?|advisers?|negotiators?|"
                            + "survey|poll|study|statement|think tank|institute|leaders?|editorial|"
                            + "campaign|economists?|strategists?|professor|researchers?|critics|"
                            + "supporters|lawyers?|attorneys?|residents|voters|witnesses|officers?|percent|"
                            + "prosecutors?|investigators?|authorities|police|lawmakers|legislators|"
                            + "observers|organi[sz]ers|activists|protesters|scientists|doctors|"
                            + "historians|opponents|advocates|staffers|executives|employees|workers|"
                            + "parents|students|teachers|farmers|soldiers|troops|commanders?|"
                            + "neighbou?rs|members|delegates|donors|pollsters|regulators|judges?|"
                            + "court|jurors|spokes\\w+|monitors|mediators|negotiators|allies|"
                            + "participants|respondents|americans|ukrainians|russians|europeans)\\b");
    private static final Pattern NOT_A_NOUN_PHRASE =
            Pattern.compile(
                    "(?i)^(by|in|on|at|for|with|from|of|after|before|during|under|according|as|to|neither|no|"
                            + "none|nobody|nothing|"
                            + "and|but|or|so|if|when|while|although|though|because|since|despite)\\b"
                            // lower case only: "Theresa May", "Will Hurd" are names
                            + "|(?-i:\\b(is|are|was|were|be|been|being|will|would|may|might|can|could|"
                            + "should|must|shall|has|have|had|not|never)\\b)"
                            // "It's worth noting", "It goes without saying", "Editor's note"
                            + "|\\b(?:worth|without|editor[’']s)$"
                            // "saying it kept …", "Umerov left early but"
                            // lower case only: "Mining companies" are a source
                            // ("restructuring experts", "striking workers" are)
                            + "|(?-i:^\\p{Ll}+ing\\b(?!\\s+\\p{Ll}+s$))|\\s(?:but|and|or|then|also|yet)$"
                            + "|\\b(?:said|says|say|told|tells)\\b");

    /** A name after lower-case words: "the FBI", "ordinary Chinese traders". */
    private static final Pattern NAME_INSIDE = Pattern.compile("\\s\\p{Lu}");

    /** A noun phrase with a determiner: "the women", "many of her backers", "two residents". */
    private static final Pattern DETERMINED =
            Pattern.compile(
                    "^(the|a|an|some|many|most|several|few|both|all|other|others|his|her|their|its|those|these|"
                            + "our|one|two|three|four|five|dozens|hundreds|thousands)\\s+\\p{L}");

    private static final Pattern RELATIVE = Pattern.compile("\\s(?:who|whose|which)\\s");

    private static final Set<String> NOT_SOURCES =
            Set.of("this", "that", "which", "there", "what", "who", "you");

    /** Known outlets as folded words, by their first word. */
    private final Map<String, List<List<String>>> outlets;

    SourceClassifier() {
        this.outlets =
                loadOutlets().stream().collect(Collectors.groupingBy(outlet -> outlet.get(0)));
    }

    /** Whether {@code phrase} can name who makes a claim. */
    boolean isPlausibleSource(String phrase) {
        String p = phrase.strip();
        if (p.isEmpty() || NOT_SOURCES.contains(TextFolding.fold(p))) {
            return false;
        }
        // "The officials whose laws have been struck down": the relative clause may have verbs.
        String head = RELATIVE.split(p, 2)[0];
        if (p.split("\\s+").length > 12 || NOT_A_NOUN_PHRASE.matcher(head).find()) {
            return false;
        }
        return Character.isUpperCase(p.codePointAt(0))
                || NAME_INSIDE.matcher(p).find()
                || (DETERMINED.matcher(p).find() && p.split("\\s+").length <= 8)
                || SOURCE_NOUN.matcher(p).find()
                || OFFICE.matcher(p).find()
                || isBackReference(p);
    }

    SourceType classify(String phrase) {
        String p = phrase.strip();
        if (ANONYMOUS.matcher(p).find()) {
            return SourceType.ANONYMOUS;
        }
        if (outletIn(p) != null || GENERIC_OUTLET.matcher(p).matches()) {
            return SourceType.OUTLET;
        }
        if (ORGANIZATION.matcher(p).matches() || RESEARCH.matcher(p).find()) {
            return SourceType.ORGANIZATION;
        }
        if (OFFICE.matcher(p).find()) {
            return SourceType.OFFICIAL;
        }
        return SourceType.PERSON;
    }

    /** The known outlet named inside {@code phrase} ("one Bloomberg source"), or null. */
    String outletIn(String phrase) {
        List<TextFolding.Token> tokens = TextFolding.tokens(phrase);
        List<String> words = tokens.stream().map(TextFolding.Token::folded).toList();
        for (int i = 0; i < words.size(); i++) {
            for (List<String> outlet : outlets.getOrDefault(words.get(i), List.of())) {
                int end = i + outlet.size();
                if (end <= words.size() && words.subList(i, end).equals(outlet)) {
                    return phrase.substring(tokens.get(i).start(), tokens.get(end - 1).end());
                }
            }
        }
        return null;
    }

    /** Phrases that point back at a source named earlier: "the people", "he", "the report". */
    static boolean isBackReference(String phrase) {
        return BACK_REFERENCE.matcher(phrase.strip()).matches();
    }

    static final Pattern BACK_REFERENCE =
            Pattern.compile(
                    "(?i)(he|she|they|it|the (people|person|sources?|officials?|official|report|agency|"
                            + "newspaper|outlet|publication|diplomat|envoy|spokes\\w+)|the agency's sources|"
                            + "the (same )?sources?)");

    private static List<List<String>> loadOutlets() {
        List<List<String>> result = new ArrayList<>();
        try (InputStream in = SourceClassifier.class.getResourceAsStream("outlets.txt")) {
            if (in == null) {
                throw new IllegalStateException("outlets.txt is missing from the classpath");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line : reader.lines().collect(Collectors.toList())) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    result.add(
                            TextFolding.tokens(name).stream()
                                    .map(TextFolding.Token::folded)
                                    .toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Longest names first, so that "Interfax-Ukraine" wins over "Interfax".
        result.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return List.copyOf(result);
    }
}
