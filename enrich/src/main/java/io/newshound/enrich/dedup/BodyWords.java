package io.newshound.enrich.dedup;

import io.newshound.enrich.topics.TextFolding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A body's words as its story keys need them, from one pass that makes no string per word: the hash
 * of each folded word (for the shingles of {@link StorySketch}) and the digest of all of them (for
 * {@link BodyFingerprint}). The values are those of hashing and joining {@link TextFolding#tokens}'
 * folded words, so keys made either way match.
 */
final class BodyWords implements TextFolding.WordSink {
    private final MessageDigest digest;
    private final byte[] buffer = new byte[8_192];
    private int buffered;
    private int[] hashes = new int[512];
    private int count;

    private BodyWords() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static BodyWords of(String body) {
        BodyWords words = new BodyWords();
        TextFolding.forEachWord(body, words);
        return words;
    }

    @Override
    public void word(CharSequence folded) {
        if (count == hashes.length) {
            hashes = Arrays.copyOf(hashes, count * 2);
        }
        int h = 0;
        boolean ascii = true;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            h = 31 * h + c;
            ascii &= c < 0x80;
        }
        if (count > 0) {
            put((byte) ' ');
        }
        hashes[count++] = h;
        if (ascii) {
            for (int i = 0; i < folded.length(); i++) {
                put((byte) folded.charAt(i));
            }
        } else {
            for (byte b : folded.toString().getBytes(StandardCharsets.UTF_8)) {
                put(b);
            }
        }
    }

    private void put(byte b) {
        if (buffered == buffer.length) {
            digest.update(buffer, 0, buffered);
            buffered = 0;
        }
        buffer[buffered++] = b;
    }

    /** How many words the body has. */
    int count() {
        return count;
    }

    /** The hash of each folded word, in order ({@code String.hashCode} of the folded word). */
    int[] hashes() {
        return Arrays.copyOf(hashes, count);
    }

    /** The first 16 bytes of the SHA-256 of the folded words joined by spaces, in hex. */
    Optional<String> fingerprint() {
        if (count < BodyFingerprint.MIN_WORDS) {
            return Optional.empty();
        }
        digest.update(buffer, 0, buffered);
        buffered = 0;
        return Optional.of(HexFormat.of().formatHex(digest.digest(), 0, 16));
    }
}
