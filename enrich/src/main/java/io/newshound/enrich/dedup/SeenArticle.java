package io.newshound.enrich.dedup;

/**
 * What the duplicate stores remember of an article.
 *
 * @param articleId the first article seen with this key
 * @param storyId its story
 */
public record SeenArticle(String articleId, String storyId) {}
