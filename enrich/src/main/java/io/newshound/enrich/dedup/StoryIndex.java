package io.newshound.enrich.dedup;

import io.newshound.events.DuplicateKind;
import java.time.Duration;
import java.util.ArrayList;
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
 * as the copy of the other, only one slot decides it: the slot of the smallest key hash they share.
 * There, whichever article arrived first is the original.
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

    private record Found(BandEntry entry, int keyHash) {}

    /** Answers {@code probe} and remembers its article. */
    public StoryVote probe(StoryProbe probe) {
        long order = probe.order();
        String id = probe.articleId();
        Map<String, List<Found>> candidates = new LinkedHashMap<>();
        for (String key : probe.exactKeys()) {
            collect(candidates, key, StoryKeys.hash(key), order, id);
        }
        for (int band : probe.bands()) {
            collect(candidates, bandKey(band), band, order, id);
        }
        StoryVote best = StoryVote.none(probe);
        for (Map.Entry<String, List<Found>> candidate : candidates.entrySet()) {
            BandEntry entry = candidate.getValue().get(0).entry();
            IndexedArticle other = article(entry);
            if (other == null) {
                continue;
            }
            int deciding = decidingKey(probe, other);
            boolean decidesHere =
                    candidate.getValue().stream().anyMatch(f -> f.keyHash() == deciding);
            if (!decidesHere) {
                continue; // another slot decides this pair
            }
            StoryVote vote = judge(probe, entry, other);
            if (vote != null && vote.betterThan(best)) {
                best = vote;
            }
        }
        if (!best.found()) {
            // Only articles that start a story are remembered, so whatever a later copy finds is
            // the first article of its story, and its story id is right by construction.
            remember(probe, id);
        }
        return best;
    }

    private void collect(
            Map<String, List<Found>> candidates, String key, int hash, long order, String id) {
        for (BandEntry entry : entries(key, order)) {
            if (entry.articleId().equals(id)) {
                continue; // the probe is replayed after a restart
            }
            if (candidates.size() < MAX_CANDIDATES || candidates.containsKey(entry.articleId())) {
                candidates
                        .computeIfAbsent(entry.articleId(), c -> new ArrayList<>(2))
                        .add(new Found(entry, hash));
            }
        }
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
     * The key that decides between two articles: their shared body fingerprint or GUID, which only
     * the first article of a story is remembered under, else their smallest shared band.
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

    private void remember(StoryProbe probe, String storyId) {
        BandEntry self = new BandEntry(probe.articleId(), storyId, probe.order());
        for (String key : probe.exactKeys()) {
            remember(key, self);
        }
        for (int band : probe.bands()) {
            remember(bandKey(band), self);
        }
        articles.put(
                probe.articleId(),
                new IndexedArticle(probe.allKeys(), probe.sketch()),
                probe.order());
    }

    private void remember(String key, BandEntry self) {
        int count = 0;
        for (BandEntry entry : entries(key, self.order())) {
            if (entry.articleId().equals(self.articleId())) {
                return; // already there: the probe is replayed after a restart
            }
            count++;
        }
        if (count < PER_KEY) {
            keys.put(key, self, self.order());
        }
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
                entry.storyId(),
                kind,
                similarity,
                entry.order());
    }

    static String bandKey(int band) {
        return "band:" + Integer.toHexString(band);
    }
}
