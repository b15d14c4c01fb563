package io.newshound.enrich.dedup;

import io.newshound.events.DuplicateKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One slot of the story index: answers a probe with the best article it copies, and remembers the
 * article under its keys and bands.
 *
 * <p>The stores are key-value stores read by point look-ups, which RocksDB answers from its Bloom
 * filters when a key is absent, as most of a new article's keys are: a look-up then costs the same
 * with a million stories as with a thousand. (Window stores, the first design, answer by range
 * seeks, which filters cannot skip, and slowed down sevenfold at a million stories.) So entries
 * expire in two ways: a read ignores every entry outside the window, and {@link #forgetExpired}
 * deletes them from the stores a batch at a time.
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

    /** The store of keys and bands, each with the articles remembered under it. */
    public static final String KEYS_STORE = "story-keys";

    /** The store of what the slot keeps of each article, by article id. */
    public static final String ARTICLES_STORE = "story-articles";

    /** Entries looked at per {@link #forgetExpired} call, at least. */
    static final int MIN_SWEEP = 1_000;

    private final KeyValueStore<String, BandEntries> keys;
    private final KeyValueStore<String, IndexedArticle> articles;
    private final long windowMs;
    private final double threshold;

    /** The latest article time this slot has seen: what expiry is measured from. */
    private long latest = Long.MIN_VALUE;

    /** Entries written since the last sweep, which sets how many the next sweep looks at. */
    private int written;

    /** Where the next sweep of each store starts, or null for the first key. */
    private String keysSweptTo;

    private String articlesSweptTo;

    /**
     * @param keys the key and band store
     * @param articles what the slot keeps of each article, by article id
     * @param window how long articles are remembered
     * @param threshold the similarity from which a body is the same story
     */
    public StoryIndex(
            KeyValueStore<String, BandEntries> keys,
            KeyValueStore<String, IndexedArticle> articles,
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
        latest = Math.max(latest, probe.order());
        Map<String, List<BandEntry>> found = lookUp(probe);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (List<BandEntry> entries : found.values()) {
            for (BandEntry entry : entries) {
                if (!entry.articleId().equals(probe.articleId()) // not a replay of itself
                        && inWindow(entry.order(), probe.order())) {
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

    /**
     * The articles stored under each of the probe's keys and bands, in the probe's order, expired
     * or not.
     */
    private Map<String, List<BandEntry>> lookUp(StoryProbe probe) {
        Map<String, List<BandEntry>> found = new LinkedHashMap<>();
        for (String key : probe.exactKeys()) {
            found.put(key, entries(key));
        }
        for (int band : probe.bands()) {
            String key = bandKey(band);
            found.put(key, entries(key));
        }
        return found;
    }

    private boolean inWindow(long order, long probeOrder) {
        return Math.abs(order - probeOrder) <= windowMs;
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
        latest = Math.max(latest, probe.order());
        remember(probe, lookUp(probe));
    }

    /**
     * Remembers the article under each key that holds fewer than {@value #PER_KEY} articles still
     * in the window and not this one already (a probe replayed after a restart), given what each
     * key holds; expired entries of those keys are dropped on the way.
     */
    private void remember(StoryProbe probe, Map<String, List<BandEntry>> found) {
        BandEntry self = new BandEntry(probe.articleId(), probe.order());
        for (Map.Entry<String, List<BandEntry>> key : found.entrySet()) {
            List<BandEntry> live = new ArrayList<>(PER_KEY);
            for (BandEntry entry : key.getValue()) {
                if (entry.order() >= probe.order() - windowMs) {
                    live.add(entry);
                }
            }
            if (live.size() < PER_KEY
                    && live.stream().noneMatch(e -> e.articleId().equals(self.articleId()))) {
                live.add(self);
                keys.put(key.getKey(), new BandEntries(live));
                written++;
            }
        }
        articles.put(
                probe.articleId(),
                new IndexedArticle(probe.order(), probe.allKeys(), probe.sketch()));
        written++;
    }

    private List<BandEntry> entries(String key) {
        BandEntries there = keys.get(key);
        return there == null ? List.of() : there.entries();
    }

    private IndexedArticle article(BandEntry candidate) {
        IndexedArticle article = articles.get(candidate.articleId());
        return article != null && article.order() == candidate.order() ? article : null;
    }

    /**
     * Deletes entries that have left the window (measured from the latest article this slot has
     * seen), looking at a batch of each store from where the last call stopped, so that a call
     * stays short however large the stores are. A batch is at least {@value #MIN_SWEEP} entries and
     * twice what was written since the last call, so the sweep goes round each store faster than it
     * fills, and nothing outlives the window by more than about half a window.
     */
    public void forgetExpired() {
        if (latest == Long.MIN_VALUE) {
            return; // nothing seen since the start: no time to measure from
        }
        int batch = Math.max(MIN_SWEEP, 2 * written);
        written = 0;
        long cutoff = latest - windowMs;
        keysSweptTo =
                sweep(
                        keys,
                        keysSweptTo,
                        batch,
                        there -> {
                            List<BandEntry> live =
                                    there.entries().stream()
                                            .filter(e -> e.order() >= cutoff)
                                            .toList();
                            if (live.size() == there.entries().size()) {
                                return there;
                            }
                            return live.isEmpty() ? null : new BandEntries(live);
                        });
        articlesSweptTo =
                sweep(
                        articles,
                        articlesSweptTo,
                        batch,
                        article -> article.order() >= cutoff ? article : null);
    }

    /**
     * Applies {@code keep} to up to {@code batch} entries of {@code store} from {@code from}:
     * deletes those it maps to null, rewrites those it changes. Returns where to go on next time,
     * or null after the last key.
     */
    private static <V> String sweep(
            KeyValueStore<String, V> store, String from, int batch, UnaryOperator<V> keep) {
        List<KeyValue<String, V>> changes = new ArrayList<>();
        String next = null;
        try (KeyValueIterator<String, V> it = store.range(from, null)) {
            int seen = 0;
            while (it.hasNext()) {
                KeyValue<String, V> entry = it.next();
                if (seen++ == batch) {
                    next = entry.key;
                    break;
                }
                V kept = keep.apply(entry.value);
                if (kept != entry.value) {
                    changes.add(KeyValue.pair(entry.key, kept));
                }
            }
        }
        for (KeyValue<String, V> change : changes) {
            if (change.value == null) {
                store.delete(change.key);
            } else {
                store.put(change.key, change.value);
            }
        }
        return next;
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
