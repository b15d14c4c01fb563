package io.newshound.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An alert about a claim, as the alerts service routes it.
 *
 * @param schemaVersion version of this record's shape
 * @param id unique id, one per claim and subscription: the same claim routed twice to a
 *     subscription gets the same id, which receivers get as the idempotency key
 * @param kind what happened
 * @param created when the alert was made
 * @param topics the topics it is routed under
 * @param claim the claim it is about
 * @param subscription the subscription it is for (since version 2; null in version 1, which went to
 *     every channel)
 * @param digest for a digest, the claims it gathers (since version 3; null otherwise); {@code
 *     claim} is then the first of them
 */
public record Alert(
        int schemaVersion,
        String id,
        Kind kind,
        Instant created,
        List<String> topics,
        Claim claim,
        String subscription,
        Digest digest) {

    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 3;

    /** Most claims a digest lists; it counts the rest. */
    public static final int DIGEST_MAX_CLAIMS = 50;

    /** What an alert announces. */
    public enum Kind {
        /** A claim nobody had carried before. */
        NEW_CLAIM,
        /** Another outlet carries a claim already alerted on. */
        RE_REPORT,
        /** Claims held back (a digest subscription, a spent rate budget), sent together. */
        DIGEST;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Alert {
        SchemaVersions.check("Alert", schemaVersion, SCHEMA_VERSION);
        SchemaVersions.requireText(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(created, "created");
        topics = List.copyOf(topics);
        Objects.requireNonNull(claim, "claim");
        if ((kind == Kind.DIGEST) != (digest != null)) {
            throw new IllegalArgumentException("a digest alert, and only a digest, has a digest");
        }
    }

    /**
     * The claims of a digest.
     *
     * @param from the start of the period it covers
     * @param to the end of the period it covers
     * @param claims the claims, oldest first, at most {@link #DIGEST_MAX_CLAIMS}
     * @param total how many claims were held back, listed or not
     * @param reason why they were held back: {@code hourly}, {@code daily}, or {@code budget}
     */
    public record Digest(Instant from, Instant to, List<Claim> claims, int total, String reason) {
        public Digest {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            claims = List.copyOf(claims);
            if (claims.isEmpty() || total < claims.size()) {
                throw new IllegalArgumentException("a digest lists at least one of its claims");
            }
            SchemaVersions.requireText(reason, "reason");
        }

        /** How many claims it counts but does not list. */
        public int omitted() {
            return total - claims.size();
        }
    }

    /** The alert to {@code subscription} about a claim seen for the first time. */
    public static Alert newClaim(
            Claim claim, List<String> topics, String subscription, Instant created) {
        SchemaVersions.requireText(subscription, "subscription");
        return new Alert(
                SCHEMA_VERSION,
                "new:" + claim.id() + "@" + subscription,
                Kind.NEW_CLAIM,
                created,
                topics,
                claim,
                subscription,
                null);
    }

    /**
     * The alert to {@code subscription} that another outlet now carries a claim it was alerted on
     * ({@code claim.repeatOf()}); only channels that can thread it under the first alert get one.
     */
    public static Alert reReport(
            Claim claim, List<String> topics, String subscription, Instant created) {
        SchemaVersions.requireText(subscription, "subscription");
        SchemaVersions.requireText(claim.repeatOf(), "repeatOf");
        return new Alert(
                SCHEMA_VERSION,
                "re:" + claim.id() + "@" + subscription,
                Kind.RE_REPORT,
                created,
                topics,
                claim,
                subscription,
                null);
    }

    /**
     * For a re-report, the id of the alert on the first claim it repeats, to the same subscription;
     * null for other alerts.
     */
    public String firstAlertId() {
        return kind == Kind.RE_REPORT ? "new:" + claim.repeatOf() + "@" + subscription : null;
    }

    /**
     * The digest to {@code subscription} of the claims held back for it until {@code digest.to()};
     * one id per subscription and period, so a digest made again after a restart is the same one.
     */
    public static Alert digest(
            Digest digest, List<String> topics, String subscription, Instant created) {
        SchemaVersions.requireText(subscription, "subscription");
        return new Alert(
                SCHEMA_VERSION,
                "digest:" + subscription + "@" + digest.to().getEpochSecond(),
                Kind.DIGEST,
                created,
                topics,
                digest.claims().get(0),
                subscription,
                digest);
    }
}
