package io.newshound.testkit;

import io.newshound.events.Claim;
import io.newshound.events.Provenance;
import io.newshound.events.SourceType;
import io.newshound.events.Span;
import java.time.Instant;
import java.util.List;

/** Claims written for these tests. */
public final class Claims {
    public static final Instant T0 = Instant.parse("2026-01-21T16:45:00Z");

    private Claims() {}

    public static Claim claim(String id, boolean novel, List<String> topics, String content) {
        return new Claim(
                Claim.SCHEMA_VERSION,
                id,
                "fp-" + id,
                id.split("#")[0],
                "https://kyiv-ledger.example/" + id,
                "Envoys to visit Moscow",
                "Kyiv Ledger",
                T0,
                topics,
                "people familiar with the matter",
                SourceType.ANONYMOUS,
                "Baltic Wire",
                "according to",
                content,
                false,
                false,
                new Span(0, 1),
                new Span(1, 2),
                new Span(2, 3),
                novel,
                novel ? null : "first#0",
                new Provenance(novel ? id : "first#0", "Kyiv Ledger", T0, List.of("Kyiv Ledger")));
    }
}
