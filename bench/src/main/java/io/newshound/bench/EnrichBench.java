package io.newshound.bench;

import io.newshound.enrich.dedup.StandaloneStoryIndex;
import io.newshound.enrich.dedup.StoryIndex;
import io.newshound.enrich.dedup.StoryKeys;
import io.newshound.enrich.dedup.StoryProbe;
import io.newshound.enrich.topics.TopicRule;
import io.newshound.enrich.topics.TopicRules;
import io.newshound.enrich.topics.TopicTagger;
import io.newshound.events.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Enrich's scaling benchmarks (issue 4), one thread each, 5 KB articles:
 *
 * <ul>
 *   <li>{@code tagging}: articles tagged per second with 10 topic rules and with 10,000;
 *   <li>{@code stories}: story-index probes per second with 1,000 stories in the window and with
 *       1,000,000, against the real RocksDB window stores of Kafka Streams.
 * </ul>
 *
 * <p>and {@code topology}: the whole enrich topology against a pass-through one ({@link
 * TopologyBench}).
 *
 * <pre>java -cp ... io.newshound.bench.EnrichBench tagging|stories [SECONDS] [STORIES]
 * java -cp ... io.newshound.bench.EnrichBench topology [ARTICLES] [THREADS]</pre>
 */
public final class EnrichBench {
    /** Whether a fifth of the generated rules use a wildcard ({@code -Dwildcards=false}: none). */
    private static final boolean WILDCARDS =
            Boolean.parseBoolean(System.getProperty("wildcards", "true"));

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private EnrichBench() {}

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "tagging";
        if (what.equals("topology")) {
            TopologyBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 20_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 2);
            return;
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "%d cores, Java %s, max heap %d MB, %d s per measurement%n",
                rt.availableProcessors(),
                System.getProperty("java.version"),
                rt.maxMemory() / (1024 * 1024),
                seconds);
        switch (what) {
            case "tagging" -> tagging(seconds);
            case "stories" ->
                    stories(seconds, args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
            case "stages" -> StageBench.run(seconds);
            default ->
                    throw new IllegalArgumentException(
                            "tagging, stories, stages or topology, not " + what);
        }
    }

    // ---- tagging ----

    static void tagging(int seconds) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            articles.add(article(i));
        }
        double few = tagRate(rules(10), articles, seconds);
        double many = tagRate(rules(10_000), articles, seconds);
        System.out.printf(Locale.ROOT, "%-40s %12s%n", "topic rules", "articles/s");
        System.out.printf(Locale.ROOT, "%-40s %12.0f%n", "10", few);
        System.out.printf(Locale.ROOT, "%-40s %12.0f%n", "10,000", many);
        System.out.printf(
                Locale.ROOT, "ratio 10,000 / 10 rules: %.2f (target >= 0.5)%n", many / few);
    }

    /**
     * The shipped rules, then rules of the kind users write: names and phrases, some with
     * wildcards, proximity or a title restriction; one in a thousand on words every article
     * contains, so that an article gets a few tags, as in real use.
     */
    static List<TopicRule> rules(int count) {
        List<TopicRule> rules = new ArrayList<>(TopicRules.defaults().rules());
        SplittableRandom random = new SplittableRandom(7);
        for (int i = rules.size(); i < count; i++) {
            String a = name(random);
            String b = name(random);
            String query =
                    switch (i % 5) {
                        case 0 -> a + " OR " + b;
                        case 1 -> "\"" + a + " " + b + "\"~5";
                        case 2 -> WILDCARDS ? a.substring(0, 5) + "* AND " + b : a + " AND " + b;
                        case 3 -> "title:" + a + " OR \"" + b + " plan\"";
                        default -> i % 1000 == 4 ? "Kyiv AND ministry" : a + " NOT " + b;
                    };
            rules.add(TopicRule.of("rule-" + i, query));
        }
        return rules;
    }

    private static String name(SplittableRandom random) {
        String[] syllables = {"ka", "lo", "mir", "ven", "dra", "sto", "pel", "rin", "zu", "tash"};
        StringBuilder name = new StringBuilder();
        for (int s = 0; s < 3; s++) {
            name.append(syllables[random.nextInt(syllables.length)]);
        }
        return name.append(random.nextInt(1000)).toString();
    }

    static double tagRate(List<TopicRule> rules, List<Article> articles, int seconds) {
        long built = System.nanoTime();
        try (TopicTagger tagger = TopicTagger.compile(rules)) {
            System.err.printf(
                    Locale.ROOT,
                    "%d rules compiled in %.1f s%n",
                    rules.size(),
                    (System.nanoTime() - built) / 1e9);
            run(tagger, articles, Math.max(3, seconds / 4)); // warm-up
            return run(tagger, articles, seconds);
        }
    }

    private static double run(TopicTagger tagger, List<Article> articles, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long n = 0;
        int tags = 0;
        while (System.nanoTime() < end) {
            Article a = articles.get((int) (n % articles.size()));
            tags += tagger.tag(a.title(), a.text()).size();
            n++;
        }
        if (tags < 0) {
            throw new IllegalStateException("unreachable; keeps the result alive");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static Article article(int i) {
        String text = SyntheticNews.paragraphs(i, 5_000).replaceAll("</?p>", "");
        Instant at = T0.plusSeconds(i);
        return Article.of(
                "a-" + i,
                "https://synthetic.example/" + i,
                "https://synthetic.example/rss",
                "Synthetic",
                null,
                "Report " + i,
                null,
                at,
                at,
                "en",
                text);
    }

    // ---- stories ----

    /** How often the service sweeps expired entries out of the story index. */
    private static final long SWEEP_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    static void stories(int seconds, int large) throws Exception {
        double small = storyRate(1_000, seconds);
        double big = storyRate(large, seconds);
        System.out.printf(Locale.ROOT, "%-40s %12s%n", "stories in the window", "probes/s");
        System.out.printf(Locale.ROOT, "%-40s %12.0f%n", "1,000", small);
        System.out.printf(
                Locale.ROOT, "%-40s %12.0f%n", String.format(Locale.ROOT, "%,d", large), big);
        System.out.printf(
                Locale.ROOT,
                "ratio %,d / 1,000 stories: %.2f (target >= 0.5)%n",
                large,
                big / small);
    }

    /**
     * Probes per second (half copies of stories in the index, half new stories) against an index
     * already holding {@code stories} stories.
     */
    static double storyRate(int stories, int seconds) throws Exception {
        Path state = Files.createTempDirectory("newshound-bench-stories-");
        try (StandaloneStoryIndex slot = new StandaloneStoryIndex(state, Duration.ofDays(7), 0.6)) {
            StoryIndex index = slot.index();
            long spread = Duration.ofDays(5).toMillis();
            long loadStart = System.nanoTime();
            for (int i = 0; i < stories; i++) {
                long at = T0.toEpochMilli() + spread * i / stories;
                // Short bodies load faster and index the same: a sketch has the same size
                // whatever the length of its text. Distinct stories, so no lookups are needed.
                index.preload(probe("s-" + i, SyntheticNews.paragraphs(i, 600), at));
                if (i > 0 && i % 200_000 == 0) {
                    System.err.printf(Locale.ROOT, "  %,d stories loaded%n", i);
                }
            }
            System.err.printf(
                    Locale.ROOT,
                    "%,d stories loaded in %.0f s%n",
                    stories,
                    (System.nanoTime() - loadStart) / 1e9);
            SplittableRandom random = new SplittableRandom(3);
            long now = T0.toEpochMilli() + spread;
            // Probes made beforehand: half new 5 KB stories, a quarter exact copies of indexed
            // stories, a quarter copies wrapped in another page's text.
            List<StoryProbe> probes = new ArrayList<>();
            for (int n = 0; n < 20_000; n++) {
                String id = "p-" + n;
                long at = now + n;
                probes.add(
                        switch (n % 4) {
                            case 0 ->
                                    probe(
                                            id,
                                            SyntheticNews.paragraphs(random.nextInt(stories), 600),
                                            at);
                            case 2 -> probe(id, wrapped(random.nextInt(stories), n), at);
                            default -> probe(id, SyntheticNews.paragraphs(stories + n, 5_000), at);
                        });
            }
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            int n = 0;
            int[] found = new int[4];
            long sweepAt = start + SWEEP_EVERY_NANOS;
            while (System.nanoTime() < end && n < probes.size()) {
                found[n % 4] += index.probe(probes.get(n)).candidate() != null ? 1 : 0;
                n++;
                if (System.nanoTime() >= sweepAt) { // as the running service does, timed with it
                    index.forgetExpired();
                    sweepAt += SWEEP_EVERY_NANOS;
                }
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            System.err.printf(
                    Locale.ROOT,
                    "  %,d probes: exact copies found %,d, wrapped copies found %,d, new stories"
                            + " taken for copies %,d%n",
                    n,
                    found[0],
                    found[2],
                    found[1] + found[3]);
            return rate;
        } finally {
            TopologyBench.delete(state);
        }
    }

    /** Story {@code seed} with 300 characters of another page's text before and after it. */
    private static String wrapped(int seed, int page) {
        return SyntheticNews.paragraphs(-1L - page, 300)
                + SyntheticNews.paragraphs(seed, 600)
                + SyntheticNews.paragraphs(-1_000_000L - page, 300);
    }

    /** The single-slot probe of an article with {@code html} paragraphs as its body. */
    private static StoryProbe probe(String id, String html, long at) {
        String body = html.replaceAll("</?p>", "");
        Article a =
                Article.of(
                        id,
                        "https://synthetic.example/" + id,
                        "",
                        "",
                        null,
                        "",
                        null,
                        Instant.ofEpochMilli(at),
                        Instant.ofEpochMilli(at),
                        null,
                        body);
        return StoryKeys.probes(a, at, 1).get(0);
    }
}
