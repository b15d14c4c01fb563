package io.newshound.enrich.dedup;

import java.util.Optional;

/**
 * The fingerprint of an article body: equal for bodies with the same words after folding case,
 * accents, punctuation and spacing.
 */
public final class BodyFingerprint {
    /** Bodies shorter than this say too little to call two articles the same. */
    static final int MIN_WORDS = 20;

    private BodyFingerprint() {}

    /** The fingerprint, or empty when the body is too short to compare. */
    public static Optional<String> of(String body) {
        return BodyWords.of(body).fingerprint();
    }
}
