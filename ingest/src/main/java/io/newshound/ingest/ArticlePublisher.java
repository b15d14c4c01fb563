package io.newshound.ingest;

import io.newshound.events.Article;
import java.util.List;

/** Where ingest puts the articles it found. */
public interface ArticlePublisher {
    /**
     * Publishes {@code articles} and returns once every one is stored.
     *
     * @throws PublishException when any could not be stored; none counts as published then
     */
    void publish(List<Article> articles) throws PublishException;

    /** Articles that could not be stored. */
    final class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
