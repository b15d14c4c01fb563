package io.newshound.enrich.dedup;

import io.newshound.enrich.topics.TextFolding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
        return of(TextFolding.tokens(body));
    }

    /** The fingerprint of a body already split into {@code tokens}. */
    static Optional<String> of(List<TextFolding.Token> tokens) {
        if (tokens.size() < MIN_WORDS) {
            return Optional.empty();
        }
        String normalized =
                tokens.stream().map(TextFolding.Token::folded).collect(Collectors.joining(" "));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(normalized.getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
