package io.newshound.enrich.dedup;

import io.newshound.events.DuplicateKind;

/**
 * One slot's answer to a probe: the best earlier article it found, or none.
 *
 * @param articleId the article that probed
 * @param slot the slot answering
 * @param probes how many answers the article waits for
 * @param candidate the earlier article it copies, or null; as only the first article of a story is
 *     indexed, also the story it joins
 * @param kind why it is a copy, or null
 * @param similarity how much of the smaller body the other holds (1 for exact copies)
 * @param candidateOrder the candidate's time
 */
public record StoryVote(
        String articleId,
        int slot,
        int probes,
        String candidate,
        DuplicateKind kind,
        double similarity,
        long candidateOrder) {

    static StoryVote none(StoryProbe probe) {
        return new StoryVote(probe.articleId(), probe.slot(), probe.probes(), null, null, 0, 0);
    }

    boolean found() {
        return candidate != null;
    }

    /**
     * The earlier candidate wins, then exact over near, then the higher similarity. Earliest first:
     * a copy that reached some slot before its original is remembered there as if it started a
     * story, and a later article finding both must join the original's story.
     */
    boolean betterThan(StoryVote other) {
        if (!found()) {
            return false;
        }
        if (other == null || !other.found()) {
            return true;
        }
        if (candidateOrder != other.candidateOrder) {
            return candidateOrder < other.candidateOrder;
        }
        boolean exact = kind != DuplicateKind.NEAR;
        boolean otherExact = other.kind != DuplicateKind.NEAR;
        if (exact != otherExact) {
            return exact;
        }
        if (similarity != other.similarity) {
            return similarity > other.similarity;
        }
        return candidate.compareTo(other.candidate) < 0;
    }
}
