package io.newshound.enrich.dedup;

import io.newshound.events.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Spreads an article's story keys (GUID, body fingerprint, near-duplicate bands) over slots. */
public final class StoryKeys {
    static final String GUID = "guid:";
    static final String BODY = "body:";

    private StoryKeys() {}

    /** The probes of {@code article} at time {@code order}, one per slot it has keys in. */
    public static List<StoryProbe> probes(Article article, long order, int slots) {
        List<String> keys = new ArrayList<>(2);
        if (!article.guid().equals(article.url())) {
            keys.add(GUID + article.guid());
        }
        BodyWords words = BodyWords.of(article.text());
        words.fingerprint().ifPresent(fp -> keys.add(BODY + fp));
        StorySketch sketch = StorySketch.of(words.hashes());
        Map<Integer, List<String>> keysBySlot = new TreeMap<>();
        Map<Integer, List<Integer>> bandsBySlot = new TreeMap<>();
        for (String key : keys) {
            keysBySlot.computeIfAbsent(slotOf(key, slots), s -> new ArrayList<>()).add(key);
        }
        if (sketch != null) {
            for (int band : sketch.bands()) {
                bandsBySlot.computeIfAbsent(slotOf(band, slots), s -> new ArrayList<>()).add(band);
            }
        }
        TreeMap<Integer, Boolean> used = new TreeMap<>();
        keysBySlot.keySet().forEach(s -> used.put(s, true));
        bandsBySlot.keySet().forEach(s -> used.put(s, true));
        if (used.isEmpty()) {
            // Nothing to compare (no GUID of its own, an empty body): one probe registers nothing
            // but keeps the article's path the same as every other's.
            used.put(slotOf(article.id(), slots), true);
        }
        List<Integer> all = new ArrayList<>();
        keys.forEach(k -> all.add(hash(k)));
        if (sketch != null) {
            for (int band : sketch.bands()) {
                all.add(band);
            }
        }
        all.sort(null);
        List<StoryProbe> probes = new ArrayList<>(used.size());
        for (int slot : used.keySet()) {
            List<Integer> bands = bandsBySlot.getOrDefault(slot, List.of());
            probes.add(
                    new StoryProbe(
                            article.id(),
                            order,
                            slot,
                            used.size(),
                            keysBySlot.getOrDefault(slot, List.of()),
                            bands,
                            all,
                            hashOf(keys, GUID),
                            hashOf(keys, BODY),
                            sketch));
        }
        return probes;
    }

    private static Integer hashOf(List<String> keys, String prefix) {
        return keys.stream()
                .filter(k -> k.startsWith(prefix))
                .findFirst()
                .map(StoryKeys::hash)
                .orElse(null);
    }

    /** The hash of an exact key, in the same space as band hashes. */
    static int hash(String key) {
        int h = key.hashCode() * 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    static int slotOf(String key, int slots) {
        return slotOf(key.hashCode(), slots);
    }

    static int slotOf(int hash, int slots) {
        int h = hash * 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 16), slots);
    }
}
