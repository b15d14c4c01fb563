package io.newshound.enrich;

import io.newshound.enrich.dedup.BandEntries;
import io.newshound.enrich.dedup.IndexedArticle;
import io.newshound.enrich.dedup.StoryIndex;
import io.newshound.enrich.dedup.StoryMessage;
import io.newshound.enrich.dedup.StoryProbe;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Answers story probes from this partition's slot of the story index, and sweeps expired entries
 * out of it every {@link #SWEEP_EVERY}.
 */
final class StoryProbeProcessor implements FixedKeyProcessor<String, StoryProbe, StoryMessage> {
    static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

    private final Duration window;
    private final double threshold;
    private FixedKeyProcessorContext<String, StoryMessage> context;
    private StoryIndex index;

    StoryProbeProcessor(Duration window, double threshold) {
        this.window = window;
        this.threshold = threshold;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StoryMessage> context) {
        this.context = context;
        KeyValueStore<String, BandEntries> keys = context.getStateStore(EnrichTopology.STORY_KEYS);
        KeyValueStore<String, IndexedArticle> sketches =
                context.getStateStore(EnrichTopology.STORY_SKETCHES);
        this.index = new StoryIndex(keys, sketches, window, threshold);
        context.schedule(
                SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> index.forgetExpired());
    }

    @Override
    public void process(FixedKeyRecord<String, StoryProbe> record) {
        context.forward(record.withValue(StoryMessage.of(index.probe(record.value()))));
    }
}
