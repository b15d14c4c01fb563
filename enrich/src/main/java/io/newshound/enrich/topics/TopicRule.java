package io.newshound.enrich.topics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A topic and the words or phrases that put an article in it.
 *
 * @param name the topic's name, e.g. {@code peace-plan}
 * @param keywords words and phrases; an article containing any of them (case and diacritics
 *     ignored) is tagged
 */
public record TopicRule(
        @JsonProperty("name") String name, @JsonProperty("keywords") List<String> keywords) {
    public TopicRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (keywords == null || keywords.isEmpty()) {
            throw new IllegalArgumentException("topic " + name + " has no keywords");
        }
        keywords = List.copyOf(keywords);
    }
}
