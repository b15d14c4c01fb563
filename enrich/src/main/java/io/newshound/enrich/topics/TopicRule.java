package io.newshound.enrich.topics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A topic and the query that puts an article in it.
 *
 * @param name the topic's name, e.g. {@code peace-plan}
 * @param query a query in Lucene syntax: words, "quoted phrases", AND/OR/NOT, wildcards, proximity
 *     ({@code "Witkoff Moscow"~10}), {@code title:} and {@code body:} restrictions; case and
 *     diacritics are folded, in Latin and Cyrillic alike
 * @param keywords a simpler alternative to {@code query}: words and phrases, any of which tags
 * @param stemming whether words match their other forms too ({@code talks} finds {@code talk});
 *     English and Russian stemmers
 */
public record TopicRule(
        @JsonProperty("name") String name,
        @JsonProperty("query") String query,
        @JsonProperty("keywords") List<String> keywords,
        @JsonProperty("stemming") Boolean stemming) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");

    public TopicRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "topic name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        boolean hasQuery = query != null && !query.isBlank();
        if (hasQuery == !keywords.isEmpty()) {
            throw new IllegalArgumentException(
                    "topic " + name + " needs either a query or keywords (not both)");
        }
        stemming = stemming != null && stemming;
    }

    /** A rule with a query. */
    public static TopicRule of(String name, String query) {
        return new TopicRule(name, query, null, false);
    }

    /** The rule with stemming on or off. */
    public TopicRule withStemming(boolean on) {
        return new TopicRule(name, query, keywords, on);
    }

    /** The rule as a query: keywords become quoted phrases joined by OR. */
    public String queryText() {
        if (query != null && !query.isBlank()) {
            return query;
        }
        return keywords.stream()
                .map(k -> '"' + k.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(" OR "));
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT) + ": " + queryText();
    }
}
