package io.newshound.enrich;

import io.newshound.events.Claim;
import io.newshound.events.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Decides whether a claim is new: records arrive keyed by content fingerprint, so every claim
 * saying the same thing meets the same store entry, whatever partition its article came from. A
 * repeat is attached to the first claim as provenance.
 */
final class NoveltyProcessor implements FixedKeyProcessor<String, Claim, Claim> {
    private final String storeName;
    private final long windowMs;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, Claim> context;
    private WindowStore<String, Provenance> seen;

    NoveltyProcessor(String storeName, Duration window, EnrichMetrics metrics) {
        this.storeName = storeName;
        this.windowMs = window.toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Claim> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Claim> record) {
        Claim claim = record.value();
        long ts = record.timestamp();
        KeyValue<Long, Provenance> first = firstWithin(record.key(), ts);
        if (first == null) {
            Provenance provenance =
                    new Provenance(
                            claim.id(),
                            claim.outlet(),
                            Instant.ofEpochMilli(ts),
                            List.of(claim.outlet()));
            seen.put(record.key(), provenance, ts);
            metrics.claim(true, claim.sourceType());
            context.forward(record.withValue(claim.withNovelty(true, null, provenance)));
            return;
        }
        Provenance known = first.value;
        Provenance updated = known;
        if (!known.outlets().contains(claim.outlet())) {
            List<String> outlets = new ArrayList<>(known.outlets());
            outlets.add(claim.outlet());
            updated =
                    new Provenance(
                            known.firstClaimId(),
                            known.firstReportedBy(),
                            known.firstSeen(),
                            outlets);
            // Same key and time: replaces the entry, so the window still runs from the first
            // report.
            seen.put(record.key(), updated, first.key);
        }
        metrics.claim(false, claim.sourceType());
        context.forward(record.withValue(claim.withNovelty(false, known.firstClaimId(), updated)));
    }

    private KeyValue<Long, Provenance> firstWithin(String key, long ts) {
        try (WindowStoreIterator<Provenance> it =
                seen.fetch(key, Math.max(0, ts - windowMs), ts + windowMs)) {
            return it.hasNext() ? it.next() : null;
        }
    }
}
