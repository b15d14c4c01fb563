package io.newshound.enrich.dedup;

/**
 * What the article-id store remembers of an article.
 *
 * @param articleId the first article seen with this id
 * @param storyId its story
 */
public record SeenArticle(String articleId, String storyId) {}
