package io.newshound.ingest;

/**
 * The result of one poll of one feed.
 *
 * @param outcome what happened, as counted in {@code newshound.feed.polls}: {@code ok}, {@code
 *     http_404}, {@code not_a_feed}, {@code timeout}, {@code unreachable}, {@code too_large},
 *     {@code publish_failed}
 * @param published how many new articles were published
 * @param problem one line saying what was wrong, or null when the poll succeeded
 */
public record PollOutcome(String outcome, int published, String problem) {
    public static final String OK = "ok";

    static PollOutcome ok(int published) {
        return new PollOutcome(OK, published, null);
    }

    static PollOutcome failed(String outcome, String problem) {
        return new PollOutcome(outcome, 0, problem);
    }

    public boolean isOk() {
        return problem == null;
    }
}
