package io.newshound.bench;

import io.newshound.enrich.claims.ClaimExtractor;
import io.newshound.enrich.claims.ExtractedClaim;
import io.newshound.events.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores claim extraction against PolNeAR (the public corpus of news articles with hand-annotated
 * attributions, in brat standoff format): content-span overlap recall over the gold attributions
 * whose cue is a speech or reporting verb or phrase, and precision over every extracted claim
 * against every gold attribution. Nothing of the corpus is kept or printed but counts.
 *
 * <pre>bench/claims.sh PATH-TO-PolNeAR [train|dev] [MIN-OVERLAP]</pre>
 *
 * <p>With {@code -Dshow=N} it prints, for a developer at a terminal, the first N missed
 * attributions and the first N claims that match none.
 *
 * <p>Two spans match when their overlap is at least MIN-OVERLAP (default 0.3) of their union, in
 * characters; with 0 any overlap matches.
 */
public final class ClaimsScore {
    /** Reporting cues: verbs of saying and their phrases ("according to", "told reporters"). */
    static final Pattern REPORTING_CUE =
            Pattern.compile(
                    "(?i)\\b(say|says|said|saying|tell|tells|told|telling|report\\w*|add|adds|added"
                            + "|adding|announc\\w*|state|states|stated|stating|statement|claim\\w*"
                            + "|according|note|notes|noted|noting|explain\\w*|write|writes|wrote"
                            + "|written|insist\\w*|argu\\w*|warn\\w*|confirm\\w*|deny|denies|denied"
                            + "|denying|suggest\\w*|acknowledg\\w*|assert\\w*|declar\\w*|respond\\w*"
                            + "|repl(y|ies|ied|ying)|comment\\w*|testif\\w*|tweet\\w*|quot\\w*"
                            + "|admit\\w*|accus\\w*|reveal\\w*|disclos\\w*|mention\\w*|predict\\w*"
                            + "|promis\\w*|recall\\w*|point\\w* out|contend\\w*|alleg\\w*|ask\\w*"
                            + "|vow\\w*|pledg\\w*|urg\\w*|call\\w* (for|on)|criticiz\\w*"
                            + "|prais\\w*|boast\\w*|complain\\w*|conced\\w*|estimat\\w*)\\b");

    private static final int SHOW = Integer.getInteger("show", 0);

    private ClaimsScore() {}

    record Attribution(Span content, String cue) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ClaimsScore PATH-TO-PolNeAR [train|dev] [MIN-OVERLAP]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        String split = args.length > 1 ? args[1] : "dev";
        if (split.equals("test")) {
            System.err.println("the test split is kept for a final evaluation; use train or dev");
            System.exit(2);
        }
        double minOverlap = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        Path annotations = corpus.resolve("data").resolve(split).resolve("attributions");
        Path texts = corpus.resolve("data").resolve(split).resolve("text");
        ClaimExtractor extractor = new ClaimExtractor();
        int documents = 0;
        int gold = 0;
        int goldFound = 0;
        int extracted = 0;
        int extractedRight = 0;
        int missedNarrowly = 0;
        long nanos = 0;
        long chars = 0;
        Map<String, Integer> missedCues = new HashMap<>();
        int shown = 0;
        int shownWrong = 0;
        // One annotation per article: some were annotated twice, the first (by name) is used.
        Map<String, Path> byArticle = new HashMap<>();
        try (Stream<Path> files = Files.list(annotations)) {
            files.filter(f -> f.toString().endsWith(".ann"))
                    .sorted()
                    .forEach(f -> byArticle.putIfAbsent(article(f), f));
        }
        for (Map.Entry<String, Path> entry : byArticle.entrySet()) {
            Path text = texts.resolve(entry.getKey() + ".txt");
            if (!Files.exists(text)) {
                continue;
            }
            String content = Files.readString(text, StandardCharsets.UTF_8);
            List<Attribution> attributions = read(entry.getValue());
            long start = System.nanoTime();
            List<ExtractedClaim> claims = extractor.extract(content);
            nanos += System.nanoTime() - start;
            chars += content.length();
            documents++;
            for (Attribution a : attributions) {
                if (!REPORTING_CUE.matcher(a.cue()).find()) {
                    continue;
                }
                gold++;
                if (claims.stream()
                        .anyMatch(c -> matches(c.contentSpan(), a.content(), minOverlap))) {
                    goldFound++;
                } else {
                    missedCues.merge(a.cue().toLowerCase(Locale.ROOT), 1, Integer::sum);
                    if (claims.stream().anyMatch(c -> matches(c.contentSpan(), a.content(), 0))) {
                        missedNarrowly++;
                    }
                    if (shown < SHOW) {
                        shown++;
                        int from = Math.max(0, a.content().start() - 120);
                        int to = Math.min(content.length(), a.content().end() + 60);
                        String shownText =
                                content.substring(from, a.content().start())
                                        + "«"
                                        + content.substring(a.content().start(), a.content().end())
                                        + "»"
                                        + content.substring(a.content().end(), to);
                        System.err.println(
                                "MISSED [" + a.cue() + "] " + shownText.replace('\n', ' '));
                        claims.stream()
                                .filter(c -> matches(c.contentSpan(), a.content(), 0))
                                .forEach(c -> System.err.println("  NEAR " + c.content()));
                    }
                }
            }
            for (ExtractedClaim c : claims) {
                extracted++;
                if (attributions.stream()
                        .anyMatch(a -> matches(c.contentSpan(), a.content(), minOverlap))) {
                    extractedRight++;
                } else if (shownWrong < SHOW) {
                    shownWrong++;
                    System.err.println(
                            "WRONG [" + c.source() + " | " + c.cue() + "] " + c.content());
                }
            }
        }
        if (documents == 0) {
            System.err.println(
                    "no annotated documents under " + annotations + " (is it a PolNeAR checkout?)");
            System.exit(2);
        }
        double recall = gold == 0 ? 0 : (double) goldFound / gold;
        double precision = extracted == 0 ? 0 : (double) extractedRight / extracted;
        double f1 = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        System.out.printf(
                Locale.ROOT,
                "PolNeAR %s: %d documents, %d gold attributions with a reporting cue, %d claims"
                        + " extracted; content overlap >= %.2f of the union%n",
                split,
                documents,
                gold,
                extracted,
                minOverlap);
        System.out.printf(
                Locale.ROOT,
                "recall %.3f (%d/%d)  precision %.3f (%d/%d)  F1 %.3f%n",
                recall,
                goldFound,
                gold,
                precision,
                extractedRight,
                extracted,
                f1);
        System.out.printf(
                Locale.ROOT,
                "missed: %d with no claim overlapping their content, %d overlapped by less%n",
                gold - goldFound - missedNarrowly,
                missedNarrowly);
        System.out.println(
                "cues of the attributions most often missed: "
                        + missedCues.entrySet().stream()
                                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                                .limit(15)
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList());
        System.out.printf(
                Locale.ROOT,
                "extraction: %.0f articles/s on one core (mean %.0f characters; cold JIT)%n",
                documents / (nanos / 1e9),
                (double) chars / documents);
    }

    /** The article a file annotates: its name without the annotator's suffix. */
    static String article(Path annotation) {
        String name = annotation.getFileName().toString().replace(".ann", "");
        int cut = name.lastIndexOf('_');
        return cut > 0 ? name.substring(0, cut) : name;
    }

    /** The attributions of a brat file: each event's content span and cue text. */
    static List<Attribution> read(Path annotation) throws IOException {
        Map<String, String[]> spans = new HashMap<>();
        List<String[]> events = new ArrayList<>();
        for (String line : Files.readAllLines(annotation, StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t");
            if (cols.length >= 2 && cols[0].startsWith("T")) {
                spans.put(cols[0], new String[] {cols[1], cols.length > 2 ? cols[2] : ""});
            } else if (cols.length >= 2 && cols[0].startsWith("E")) {
                events.add(cols[1].split(" "));
            }
        }
        List<Attribution> result = new ArrayList<>();
        for (String[] args : events) {
            Span content = null;
            String cue = "";
            for (String arg : args) {
                String[] kv = arg.split(":");
                if (kv.length != 2 || !spans.containsKey(kv[1])) {
                    continue;
                }
                String[] span = spans.get(kv[1]);
                if (kv[0].startsWith("Content")) {
                    content = span(span[0]);
                } else if (kv[0].startsWith("Cue")) {
                    cue = span[1];
                }
            }
            if (content != null) {
                result.add(new Attribution(content, cue));
            }
        }
        return result;
    }

    /**
     * "Content 89 106" or a discontinuous "Content 110 120;89 106": from the smallest start to the
     * largest end.
     */
    private static Span span(String typeAndOffsets) {
        String offsets = typeAndOffsets.substring(typeAndOffsets.indexOf(' ') + 1);
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (String part : offsets.split(";")) {
            String[] range = part.strip().split(" ");
            start = Math.min(start, Integer.parseInt(range[0]));
            end = Math.max(end, Integer.parseInt(range[1]));
        }
        return new Span(start, end);
    }

    static boolean matches(Span a, Span b, double minOverlap) {
        int overlap = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
        if (overlap <= 0) {
            return false;
        }
        int union = Math.max(a.end(), b.end()) - Math.min(a.start(), b.start());
        return (double) overlap / union >= minOverlap;
    }
}
