package io.newshound.enrich.dedup;

/**
 * An article remembered under one key or band of the story index.
 *
 * @param articleId the article
 * @param storyId the story it belongs to, as this slot judged it
 * @param order the article's time (milliseconds)
 */
public record BandEntry(String articleId, String storyId, long order) {}
