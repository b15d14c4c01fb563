package io.newshound.enrich;

import io.newshound.enrich.dedup.BandEntry;
import io.newshound.enrich.dedup.IndexedArticle;
import io.newshound.enrich.dedup.StoryIndex;
import io.newshound.enrich.dedup.StoryMessage;
import io.newshound.enrich.dedup.StoryProbe;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/** Answers story probes from this partition's slot of the story index. */
final class StoryProbeProcessor implements FixedKeyProcessor<String, StoryProbe, StoryMessage> {
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
        WindowStore<String, BandEntry> keys = context.getStateStore(EnrichTopology.STORY_KEYS);
        WindowStore<String, IndexedArticle> sketches =
                context.getStateStore(EnrichTopology.STORY_SKETCHES);
        this.index = new StoryIndex(keys, sketches, window, threshold);
    }

    @Override
    public void process(FixedKeyRecord<String, StoryProbe> record) {
        context.forward(record.withValue(StoryMessage.of(index.probe(record.value()))));
    }
}
