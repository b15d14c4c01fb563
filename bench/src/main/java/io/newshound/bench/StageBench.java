package io.newshound.bench;

import io.newshound.enrich.claims.ClaimExtractor;
import io.newshound.enrich.dedup.StoryKeys;
import io.newshound.enrich.topics.TopicRules;
import io.newshound.enrich.topics.TopicTagger;
import io.newshound.events.Article;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * What each step of enrich costs an article, one thread, 5 KB articles: reading it from JSON,
 * tagging it with the shipped topics, computing its story keys, extracting its claims (issue 5's
 * target: at least 500 articles/s per core), and writing the enriched article as JSON. Each step
 * runs alone for the given seconds after a warm-up, so the rates say where a core's time goes.
 *
 * <pre>bench/enrich.sh stages [SECONDS]</pre>
 */
final class StageBench {
    private StageBench() {}

    static void run(int seconds) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            articles.add(EnrichBench.article(i));
        }
        JsonSerde<Article> articleJson = JsonSerde.of(Article.class);
        JsonSerde<EnrichedArticle> enrichedJson = JsonSerde.of(EnrichedArticle.class);
        List<byte[]> serialized = new ArrayList<>();
        for (Article a : articles) {
            serialized.add(articleJson.serialize("articles", a));
        }
        ClaimExtractor extractor = new ClaimExtractor();
        try (TopicTagger tagger = TopicTagger.compile(TopicRules.defaults().rules())) {
            System.out.printf(Locale.ROOT, "%-40s %12s %10s%n", "step", "articles/s", "ms each");
            stage(
                    "read article JSON",
                    seconds,
                    articles.size(),
                    i -> articleJson.deserialize("articles", serialized.get(i)).text().length());
            stage(
                    "tag (shipped topics), on none",
                    seconds,
                    articles.size(),
                    i -> tagger.tag(articles.get(i).title(), articles.get(i).text()).size());
            stage(
                    "tag (shipped topics), on one",
                    seconds,
                    articles.size(),
                    i ->
                            tagger.tag(
                                            "Peace plan: " + articles.get(i).title(),
                                            articles.get(i).text())
                                    .size());
            stage(
                    "story keys and sketch",
                    seconds,
                    articles.size(),
                    i -> StoryKeys.probes(articles.get(i), i, 4).size());
            stage(
                    "extract claims",
                    seconds,
                    articles.size(),
                    i -> extractor.extract(articles.get(i).fullText()).size());
            stage(
                    "write enriched JSON",
                    seconds,
                    articles.size(),
                    i ->
                            enrichedJson.serialize(
                                            "enriched",
                                            EnrichedArticle.original(articles.get(i), List.of()))
                                    .length);
        }
    }

    private static void stage(String name, int seconds, int size, ToIntFunction<Integer> step) {
        measure(step, size, Math.max(2, seconds / 3)); // warm-up
        double rate = measure(step, size, seconds);
        System.out.printf(Locale.ROOT, "%-40s %12.0f %10.3f%n", name, rate, 1_000 / rate);
    }

    private static double measure(ToIntFunction<Integer> step, int size, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += step.applyAsInt((int) (n % size));
            n++;
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable; keeps the results alive");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
