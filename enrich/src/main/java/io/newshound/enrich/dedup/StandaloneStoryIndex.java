package io.newshound.enrich.dedup;

import io.newshound.events.JsonSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * One slot of the story index on Kafka Streams' own RocksDB window stores, outside a running
 * application (in the Streams test driver, no changelog): for benchmarks and tests of the index.
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
        topology.addStateStore(
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(
                                        "keys", window, Duration.ofMillis(1), false),
                                Serdes.String(),
                                JsonSerde.of(BandEntry.class))
                        // The test driver would keep every changelog record in memory.
                        .withLoggingDisabled(),
                "index");
        topology.addStateStore(
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(
                                        "articles", window, Duration.ofMillis(1), false),
                                Serdes.String(),
                                JsonSerde.of(IndexedArticle.class))
                        .withLoggingDisabled(),
                "index");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "standalone-story-index");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(topology, props);
        this.index =
                new StoryIndex(
                        driver.getWindowStore("keys"),
                        driver.getWindowStore("articles"),
                        window,
                        threshold);
    }

    public StoryIndex index() {
        return index;
    }

    @Override
    public void close() {
        driver.close();
    }
}
