package io.newshound.enrich.claims;

import io.newshound.enrich.topics.TextFolding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content fingerprint of a claim: equal for claims whose content has the same words after
 * folding case, accents and punctuation and dropping function words.
 */
public final class ClaimFingerprint {
    private static final Set<String> FUNCTION_WORDS =
            Set.of(
                    "a", "an", "the", "that", "this", "these", "those", "of", "to", "in", "on",
                    "at", "by", "for", "with", "from", "as", "and", "or", "is", "are", "was",
                    "were", "be", "been", "has", "have", "had", "it", "its");

    private ClaimFingerprint() {}

    /** 16 hex digits identifying what {@code content} says. */
    public static String of(String content) {
        String normalized = normalize(content);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String normalize(String content) {
        return TextFolding.tokens(content).stream()
                .map(TextFolding.Token::folded)
                .filter(w -> !FUNCTION_WORDS.contains(w))
                .collect(Collectors.joining(" "));
    }
}
