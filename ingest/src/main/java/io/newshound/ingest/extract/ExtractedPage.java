package io.newshound.ingest.extract;

import java.time.Instant;

/**
 * What {@link ArticleExtractor} found in a page.
 *
 * @param canonicalUrl the page's {@code rel=canonical} URL, or the URL it was fetched from
 * @param title the article's headline, or null
 * @param author the byline, or null
 * @param published the publication time the page states, or null
 * @param language the page's language code, or null
 * @param text the main text, paragraphs separated by blank lines; empty when none was found
 */
public record ExtractedPage(
        String canonicalUrl,
        String title,
        String author,
        Instant published,
        String language,
        String text) {
    public ExtractedPage {
        text = text == null ? "" : text;
    }
}
