package io.newshound.enrich.dedup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * One slot of the story index on Kafka Streams' own RocksDB stores, outside a running application
 * (in the Streams test driver, no changelog): for benchmarks and tests of the index.
 */
public final class StandaloneStoryIndex implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final StoryIndex index;

    /**
     * Opens the stores under {@code stateDir}, keeping articles for {@code window}, judging copies
     * from {@code threshold}.
     */
    public StandaloneStoryIndex(Path stateDir, Duration window, double threshold) {
        Topology topology = new Topology();
        topology.addSource(
                "probes",
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer(),
                "probes");
        topology.addProcessor(
                "index",
                () ->
                        new Processor<Object, Object, Void, Void>() {
                            @Override
                            public void process(Record<Object, Object> record) {}
                        },
                "probes");
        // Logging disabled: the test driver would keep every changelog record in memory.
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(StoryIndex.KEYS_STORE),
                                Serdes.String(),
                                StorySerdes.bandEntries())
                        .withLoggingDisabled(),
                "index");
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(StoryIndex.ARTICLES_STORE),
                                Serdes.String(),
                                StorySerdes.indexedArticle())
                        .withLoggingDisabled(),
                "index");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "standalone-story-index");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoryStoreConfig.class);
        this.driver = new TopologyTestDriver(topology, props);
        this.index =
                new StoryIndex(
                        driver.getKeyValueStore(StoryIndex.KEYS_STORE),
                        driver.getKeyValueStore(StoryIndex.ARTICLES_STORE),
                        window,
                        threshold);
    }

    public StoryIndex index() {
        return index;
    }

    /** The ids of the articles the slot's stores hold, under a key or as an article. */
    Set<String> storedArticles() {
        Set<String> ids = new TreeSet<>();
        KeyValueStore<String, BandEntries> keys = driver.getKeyValueStore(StoryIndex.KEYS_STORE);
        try (KeyValueIterator<String, BandEntries> it = keys.all()) {
            it.forEachRemaining(e -> e.value.entries().forEach(b -> ids.add(b.articleId())));
        }
        KeyValueStore<String, IndexedArticle> articles =
                driver.getKeyValueStore(StoryIndex.ARTICLES_STORE);
        try (KeyValueIterator<String, IndexedArticle> it = articles.all()) {
            it.forEachRemaining(e -> ids.add(e.key));
        }
        return ids;
    }

    @Override
    public void close() {
        driver.close();
    }
}
