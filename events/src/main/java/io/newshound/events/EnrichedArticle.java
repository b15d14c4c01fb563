package io.newshound.events;

import java.util.List;
import java.util.Objects;

/**
 * An article after enrich: its topics, its story, and whether it repeats an earlier article.
 *
 * @param schemaVersion version of this record's shape
 * @param article the article as ingested
 * @param topics the topics it matched, with the terms that matched
 * @param storyId the story it belongs to; the id of the story's first article
 * @param duplicateOf id of the earlier article it duplicates, or null when it is new
 * @param duplicateKind why it is a duplicate, or null when it is new
 * @param similarity similarity to {@code duplicateOf} from 0 to 1; 0 when new
 */
public record EnrichedArticle(
        int schemaVersion,
        Article article,
        List<TopicMatch> topics,
        String storyId,
        String duplicateOf,
        DuplicateKind duplicateKind,
        double similarity) {

    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        SchemaVersions.check("EnrichedArticle", schemaVersion, SCHEMA_VERSION);
        Objects.requireNonNull(article, "article");
        topics = List.copyOf(topics);
        SchemaVersions.requireText(storyId, "storyId");
        if ((duplicateOf == null) != (duplicateKind == null)) {
            throw new IllegalArgumentException("duplicateOf and duplicateKind go together");
        }
    }

    /** A new article: the first of its story. */
    public static EnrichedArticle original(Article article, List<TopicMatch> topics) {
        return new EnrichedArticle(SCHEMA_VERSION, article, topics, article.id(), null, null, 0);
    }

    /** A copy of an earlier article. */
    public static EnrichedArticle duplicate(
            Article article,
            List<TopicMatch> topics,
            String storyId,
            String duplicateOf,
            DuplicateKind kind,
            double similarity) {
        return new EnrichedArticle(
                SCHEMA_VERSION, article, topics, storyId, duplicateOf, kind, similarity);
    }

    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** The topics' names, in rule order. */
    public List<String> topicNames() {
        return topics.stream().map(TopicMatch::topic).toList();
    }
}
