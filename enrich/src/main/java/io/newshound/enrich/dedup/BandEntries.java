package io.newshound.enrich.dedup;

import java.util.List;

/**
 * The articles remembered under one key or band of the story index, in the order they reached it.
 *
 * @param entries at most {@link StoryIndex#PER_KEY} articles
 */
public record BandEntries(List<BandEntry> entries) {
    public BandEntries {
        entries = List.copyOf(entries);
    }
}
