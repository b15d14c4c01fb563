package io.newshound.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics a service needs when they do not exist yet. */
public final class TopicAdmin {
    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {}

    /**
     * Creates each missing topic with the configured partitions and replication; an existing topic
     * is left as it is.
     *
     * @throws IllegalStateException when the cluster cannot be reached or refuses
     */
    public static void ensureTopics(KafkaSettings settings, Collection<EventTopic<?, ?>> topics) {
        try (Admin admin = Admin.create(settings.clientProperties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (EventTopic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(
                            new NewTopic(
                                            topic.name(),
                                            settings.partitions(),
                                            settings.replicationFactor())
                                    .configs(configsFor(topic, settings)));
                }
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    log.debug("created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitMetadata(admin, missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot create topics on "
                            + settings.bootstrapServers()
                            + ": "
                            + DeadLetters.reason(e),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** A created topic takes a moment to reach every broker's metadata; clients wait for it. */
    private static void awaitMetadata(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!names.isEmpty()) {
            try {
                admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /**
     * Checks two topics that must be partitioned alike are.
     *
     * @throws IllegalStateException naming both topics and their partition counts otherwise
     */
    public static void requireSamePartitions(
            KafkaSettings settings, EventTopic<?, ?> first, EventTopic<?, ?> second) {
        try (Admin admin = Admin.create(settings.clientProperties())) {
            var descriptions =
                    admin.describeTopics(List.of(first.name(), second.name()))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS);
            int a = descriptions.get(first.name()).partitions().size();
            int b = descriptions.get(second.name()).partitions().size();
            if (a != b) {
                throw new IllegalStateException(
                        first.name()
                                + " has "
                                + a
                                + " partitions and "
                                + second.name()
                                + " has "
                                + b
                                + "; they must have the same number");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot describe topics on "
                            + settings.bootstrapServers()
                            + ": "
                            + DeadLetters.reason(e),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        }
    }

    private static Map<String, String> configsFor(EventTopic<?, ?> topic, KafkaSettings settings) {
        // A lone broker cannot hold two in-sync replicas; a real cluster should.
        String minIsr = Integer.toString(Math.min(2, settings.replicationFactor()));
        return topic.compacted()
                ? Map.of("min.insync.replicas", minIsr, "cleanup.policy", "compact")
                : Map.of("min.insync.replicas", minIsr);
    }
}
