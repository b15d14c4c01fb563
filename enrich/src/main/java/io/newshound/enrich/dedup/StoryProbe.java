package io.newshound.enrich.dedup;

import java.util.List;

/**
 * One article's look-up in one slot of the story index. An article's keys are spread over slots by
 * hash, and each slot is one partition of the probes topic, so every article with a given key meets
 * the same store, whatever partition the article itself came from.
 *
 * @param articleId the article
 * @param order the article's time (milliseconds); ties are broken by id
 * @param slot the slot this probe is for
 * @param probes how many probes the article sent, over all slots
 * @param exactKeys keys that make a copy exact: {@code guid:...}, {@code body:...}
 * @param bands near-duplicate band hashes that fall in this slot
 * @param allKeys the hashes of all the article's keys and bands, over all slots, sorted
 * @param guidKey the hash of the article's GUID key, or null
 * @param bodyKey the hash of its body fingerprint key, or null
 * @param sketch the body's sketch, or null when it is too short
 */
public record StoryProbe(
        String articleId,
        long order,
        int slot,
        int probes,
        List<String> exactKeys,
        List<Integer> bands,
        List<Integer> allKeys,
        Integer guidKey,
        Integer bodyKey,
        StorySketch sketch) {
    public StoryProbe {
        exactKeys = List.copyOf(exactKeys);
        bands = List.copyOf(bands);
        allKeys = List.copyOf(allKeys);
    }
}
