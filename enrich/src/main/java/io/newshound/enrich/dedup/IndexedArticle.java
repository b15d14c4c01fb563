package io.newshound.enrich.dedup;

import java.util.List;

/**
 * What a slot of the story index keeps of each article: all its key hashes (to find the one key
 * that decides between two articles) and its sketch (to measure how similar they are).
 *
 * @param order the article's time (milliseconds), after which it expires with the window
 * @param keys the hashes of all the article's keys and bands, sorted
 * @param sketch its body's sketch, or null when the body is too short
 */
public record IndexedArticle(long order, List<Integer> keys, StorySketch sketch) {
    public IndexedArticle {
        keys = List.copyOf(keys);
    }
}
