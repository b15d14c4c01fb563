package io.newshound.enrich.dedup;

import io.newshound.events.DuplicateKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One slot of the story index: answers a probe with the best article it copies, and remembers the
 * article under its keys and bands. Entries live in window stores and expire with the window.
 *
 * <p>Only the first article of each story is remembered: a later copy is judged against it, never
 * against another copy, so a chain of small edits does not drift away from the story.
 *
 * <p>Two articles can share keys that live in different slots, and copies published at the same
 * moment can reach those slots in different orders. So that the pair is judged once, and never each
 * as the copy of the other, only the slot of their deciding key judges it (see {@link
 * #decidingKey}); there, the candidate may have been found under any of the slot's keys, so a key
 * that was already full when the original came does not hide it.
 */
public final class StoryIndex {
    /** Articles remembered per key: enough for a band shared by boilerplate not to hide a copy. */
    static final int PER_KEY = 4;

    /** Candidates checked per probe, at most. */
    static final int MAX_CANDIDATES = 16;

    private final WindowStore<String, BandEntry> keys;
    private final WindowStore<String, IndexedArticle> articles;
    private final long windowMs;
    private final double threshold;

    /**
     * @param keys the key and band store
     * @param articles what the slot keeps of each article, by article id
     * @param window how long articles are remembered
     * @param threshold the similarity from which a body is the same story
     */
    public StoryIndex(
            WindowStore<String, BandEntry> keys,
            WindowStore<String, IndexedArticle> articles,
            Duration window,
            double threshold) {
        this.keys = keys;
        this.articles = articles;
        this.windowMs = window.toMillis();
        this.threshold = threshold;
    }

    /** An article found under some of the probe's keys. */
    private static final class Candidate {
        final BandEntry entry;
        int shared;

        Candidate(BandEntry entry) {
            this.entry = entry;
        }
    }

    /** Answers {@code probe} and remembers its article. */
    public StoryVote probe(StoryProbe probe) {
        Map<String, List<BandEntry>> found = lookUp(probe);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (List<BandEntry> entries : found.values()) {
            for (BandEntry entry : entries) {
                if (!entry.articleId().equals(probe.articleId())) { // not a replay of itself
                    candidates.computeIfAbsent(entry.articleId(), c -> new Candidate(entry))
                            .shared++;
                }
            }
        }
        StoryVote best = StoryVote.none(probe);
        for (Candidate candidate : mostShared(candidates)) {
            IndexedArticle other = article(candidate.entry);
            if (other == null || !inThisSlot(probe, decidingKey(probe, other))) {
                continue; // another slot decides this pair
            }
            StoryVote vote = judge(probe, candidate.entry, other);
            if (vote != null && vote.betterThan(best)) {
                best = vote;
            }
        }
        if (!best.found()) {
            // Only articles that start a story here are remembered, so what a later copy finds is
            // the first article of its story.
            remember(probe, found);
        }
        return best;
    }

    /** The articles remembered under each of the probe's keys and bands, in the probe's order. */
    private Map<String, List<BandEntry>> lookUp(StoryProbe probe) {
        Map<String, List<BandEntry>> found = new LinkedHashMap<>();
        for (String key : probe.exactKeys()) {
            found.put(key, entries(key, probe.order()));
        }
        for (int band : probe.bands()) {
            String key = bandKey(band);
            found.put(key, entries(key, probe.order()));
        }
        return found;
    }

    /**
     * The key that decides between two articles, the same whichever of them asks: their shared body
     * fingerprint or GUID, else their smallest shared band. Only the slot holding it judges the
     * pair, and there whichever arrived first is the original; so two copies are never each other's
     * original, whatever order they reach the slots in.
     */
    private static int decidingKey(StoryProbe probe, IndexedArticle other) {
        if (probe.bodyKey() != null && other.keys().contains(probe.bodyKey())) {
            return probe.bodyKey();
        }
        if (probe.guidKey() != null && other.keys().contains(probe.guidKey())) {
            return probe.guidKey();
        }
        return smallestShared(probe.allKeys(), other.keys());
    }

    /** Whether {@code key} is one of the keys the probe brings to this slot. */
    private static boolean inThisSlot(StoryProbe probe, int key) {
        return probe.bands().contains(key)
                || probe.exactKeys().stream().anyMatch(k -> StoryKeys.hash(k) == key);
    }

    /** The smallest hash in both sorted lists; there is one, as they were found by a key. */
    static int smallestShared(List<Integer> a, List<Integer> b) {
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            int x = a.get(i);
            int y = b.get(j);
            if (x == y) {
                return x;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return Integer.MIN_VALUE;
    }

    /**
     * The candidates worth checking: those sharing the most keys first, at most {@value
     * #MAX_CANDIDATES}. A copy shares several bands with its original, while a stock phrase ("said
     * in a statement on") shares one band with many unrelated articles; so ranking keeps such
     * phrases from crowding the original out.
     */
    private static List<Candidate> mostShared(Map<String, Candidate> candidates) {
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        if (ranked.size() > MAX_CANDIDATES) {
            ranked.sort(Comparator.comparingInt((Candidate c) -> c.shared).reversed());
            return ranked.subList(0, MAX_CANDIDATES);
        }
        return ranked;
    }

    /** The vote for {@code entry} as the original of the probing article, or null if it is not. */
    private StoryVote judge(StoryProbe probe, BandEntry entry, IndexedArticle other) {
        if (probe.guidKey() != null && other.keys().contains(probe.guidKey())) {
            return vote(probe, entry, DuplicateKind.SAME_GUID, 1.0);
        }
        if (probe.bodyKey() != null && other.keys().contains(probe.bodyKey())) {
            return vote(probe, entry, DuplicateKind.SAME_BODY, 1.0);
        }
        if (probe.sketch() == null || other.sketch() == null) {
            return null;
        }
        double similarity = probe.sketch().similarity(other.sketch());
        return similarity >= threshold ? vote(probe, entry, DuplicateKind.NEAR, similarity) : null;
    }

    /**
     * Remembers the probing article as the start of a story without looking for an original: for
     * filling an index with articles known to be distinct stories, as a benchmark does.
     */
    public void preload(StoryProbe probe) {
        remember(probe, lookUp(probe));
    }

    /**
     * Remembers the article under each key that holds fewer than {@value #PER_KEY} articles and not
     * this one already (a probe replayed after a restart), given what each key holds.
     */
    private void remember(StoryProbe probe, Map<String, List<BandEntry>> found) {
        BandEntry self = new BandEntry(probe.articleId(), probe.order());
        for (Map.Entry<String, List<BandEntry>> key : found.entrySet()) {
            List<BandEntry> there = key.getValue();
            if (there.size() < PER_KEY
                    && there.stream().noneMatch(e -> e.articleId().equals(self.articleId()))) {
                keys.put(key.getKey(), self, self.order());
            }
        }
        articles.put(
                probe.articleId(),
                new IndexedArticle(probe.allKeys(), probe.sketch()),
                probe.order());
    }

    private List<BandEntry> entries(String key, long order) {
        List<BandEntry> found = new ArrayList<>(PER_KEY);
        try (WindowStoreIterator<BandEntry> it =
                keys.fetch(key, Math.max(0, order - windowMs), order + windowMs)) {
            while (it.hasNext() && found.size() < PER_KEY * 2) {
                found.add(it.next().value);
            }
        }
        return found;
    }

    private IndexedArticle article(BandEntry candidate) {
        long at = candidate.order();
        try (WindowStoreIterator<IndexedArticle> it =
                articles.fetch(candidate.articleId(), at, at)) {
            return it.hasNext() ? it.next().value : null;
        }
    }

    private static StoryVote vote(
            StoryProbe probe, BandEntry entry, DuplicateKind kind, double similarity) {
        return new StoryVote(
                probe.articleId(),
                probe.slot(),
                probe.probes(),
                entry.articleId(),
                kind,
                similarity,
                entry.order());
    }

    static String bandKey(int band) {
        return "band:" + Integer.toHexString(band);
    }
}
