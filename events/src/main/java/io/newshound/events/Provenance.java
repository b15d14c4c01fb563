package io.newshound.events;

import java.time.Instant;
import java.util.List;

/**
 * Where a claim was first seen and who has carried it since.
 *
 * @param firstClaimId the id of the first claim with this content
 * @param firstReportedBy the outlet that carried it first
 * @param firstSeen when it was first seen
 * @param outlets every outlet that has carried it so far, first one first
 */
public record Provenance(
        String firstClaimId, String firstReportedBy, Instant firstSeen, List<String> outlets) {
    public Provenance {
        SchemaVersions.requireText(firstClaimId, "firstClaimId");
        outlets = List.copyOf(outlets);
    }
}
