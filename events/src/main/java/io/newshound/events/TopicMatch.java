package io.newshound.events;

import java.util.List;

/**
 * A topic an article was tagged with, and why.
 *
 * @param topic the topic's name, as in the topic rules
 * @param terms the terms of the article that matched the rule
 * @param snippet a short passage around the first match
 */
public record TopicMatch(String topic, List<String> terms, String snippet) {
    public TopicMatch {
        SchemaVersions.requireText(topic, "topic");
        terms = List.copyOf(terms);
        snippet = snippet == null ? "" : snippet;
    }
}
