package io.newshound.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the Kafka cluster is and how Newshound's topics are laid out on it.
 *
 * @param bootstrapServers the cluster's bootstrap servers; null means "start an embedded broker"
 * @param topicPrefix prepended to every topic name
 * @param partitions partitions of each topic Newshound creates
 * @param replicationFactor replicas of each topic Newshound creates
 * @param properties further client properties for every client (security, timeouts), passed as they
 *     are
 */
public record KafkaSettings(
        @JsonProperty("bootstrap-servers") String bootstrapServers,
        @JsonProperty("topic-prefix") String topicPrefix,
        @JsonProperty("partitions") Integer partitions,
        @JsonProperty("replication-factor") Short replicationFactor,
        @JsonProperty("properties") Map<String, String> properties) {

    public KafkaSettings {
        topicPrefix = topicPrefix == null ? Topics.DEFAULT_PREFIX : topicPrefix;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (partitions < 1) {
            throw new IllegalArgumentException("kafka.partitions must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("kafka.replication-factor must be at least 1");
        }
    }

    /** Settings for a cluster at {@code bootstrapServers} with every other value defaulted. */
    public static KafkaSettings at(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, null, null, null, null);
    }

    public KafkaSettings withBootstrapServers(String servers) {
        return new KafkaSettings(servers, topicPrefix, partitions, replicationFactor, properties);
    }

    public KafkaSettings withTopicPrefix(String prefix) {
        return new KafkaSettings(
                bootstrapServers, prefix, partitions, replicationFactor, properties);
    }

    public KafkaSettings withPartitions(int count) {
        return new KafkaSettings(
                bootstrapServers, topicPrefix, count, replicationFactor, properties);
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }

    /** Properties every client starts from: the bootstrap servers and the extra properties. */
    public Properties clientProperties() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("kafka.bootstrap-servers is not set");
        }
        Properties props = new Properties();
        props.putAll(new TreeMap<>(properties));
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
