package io.newshound.enrich.dedup;

/**
 * An article remembered under one key or band of the story index. Only the first article of a story
 * is remembered, so the article is also its story.
 *
 * @param articleId the article
 * @param order the article's time (milliseconds)
 */
public record BandEntry(String articleId, long order) {}
