package io.newshound.enrich.dedup;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB settings for the story index. Kafka Streams builds every store's Bloom filters but leaves
 * them out of the last level ({@code optimize_filters_for_hits}), which suits stores whose look-ups
 * mostly hit. Most look-ups of the story index miss (a new article's bands were never seen), and
 * the last level holds most of a large index, so its stores keep filters on every level: a miss is
 * then answered without reading a data block.
 */
public final class StoryStoreConfig implements RocksDBConfigSetter {
    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (storeName.equals(StoryIndex.KEYS_STORE)
                || storeName.equals(StoryIndex.ARTICLES_STORE)) {
            options.setOptimizeFiltersForHits(false);
        }
    }

    @Override
    public void close(String storeName, Options options) {}
}
