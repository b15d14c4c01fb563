package io.newshound.enrich.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * A bottom-k sketch of a body's word shingles: the {@value #K} smallest hashes of its 5-word runs
 * (after folding case and accents), and how many distinct runs it has. Two sketches estimate how
 * much of one body is contained in the other, which is what tells a syndicated copy wrapped in
 * another site's boilerplate (mostly contained) from a different article on the same events.
 *
 * <p>The {@value #BANDS} smallest hashes are the body's bands: a copy that shares most of its text
 * shares some of them, so candidates are found by band, then checked with the whole sketch.
 */
public final class StorySketch {
    /** Hashes kept per body. */
    public static final int K = 64;

    /** The smallest hashes used to find candidates. */
    public static final int BANDS = 12;

    /** Words per shingle. */
    static final int SHINGLE = 5;

    /**
     * Hashes of the smaller body that must fall in the range both sketches cover for an estimate:
     * with fewer, a few stock phrases shared by chance ("said in a statement") would make a short
     * text look contained in a long unrelated one.
     */
    static final int MIN_SAMPLES = 8;

    /** Bodies with fewer words than this are only compared exactly. */
    public static final int MIN_WORDS = 25;

    private final int[] mins;
    private final int size;

    private StorySketch(int[] mins, int size) {
        this.mins = mins;
        this.size = size;
    }

    /** The sketch of {@code body}, or null when it is too short to compare. */
    public static StorySketch of(String body) {
        return of(BodyWords.of(body).hashes());
    }

    /**
     * The sketch of a body whose folded words hash to {@code words}, or null when it is too short.
     */
    static StorySketch of(int[] words) {
        if (words.length < MIN_WORDS) {
            return null;
        }
        int count = words.length - SHINGLE + 1;
        int[] hashes = new int[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int w = 0; w < SHINGLE; w++) {
                h = mix(h ^ words[i + w]);
            }
            hashes[i] = (int) (h >>> 32);
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return new StorySketch(Arrays.copyOf(hashes, Math.min(K, distinct)), distinct);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The sketch of that many distinct shingles with these smallest hashes, as stored. */
    static StorySketch stored(int[] mins, int size) {
        return new StorySketch(mins.clone(), size);
    }

    /** The hashes kept, smallest first. */
    int[] hashes() {
        return mins.clone();
    }

    /** The band hashes: the smallest few, as they select the same runs in any copy. */
    public int[] bands() {
        return Arrays.copyOf(mins, Math.min(BANDS, mins.length));
    }

    /** Distinct shingles of the body. */
    public int size() {
        return size;
    }

    /**
     * How similar two bodies are, from 0 to 1: the share of the smaller body's shingles found in
     * the larger one (containment), estimated over the hash range both sketches cover. A copy
     * wrapped in boilerplate scores near 1 though its Jaccard similarity is low. 0 when too few of
     * the smaller body's hashes fall in that range to tell (a short text against one more than
     * about eight times as long).
     */
    public double similarity(StorySketch other) {
        long ceiling = Math.min(kth(this), kth(other));
        int i = 0;
        int j = 0;
        int inThis = 0;
        int inOther = 0;
        int common = 0;
        while (i < mins.length || j < other.mins.length) {
            long a = i < mins.length ? mins[i] : Long.MAX_VALUE;
            long b = j < other.mins.length ? other.mins[j] : Long.MAX_VALUE;
            long next = Math.min(a, b);
            if (next > ceiling) {
                break;
            }
            if (a == next) {
                inThis++;
                i++;
            }
            if (b == next) {
                inOther++;
                j++;
            }
            if (a == next && b == next) {
                common++;
            }
        }
        // Containment of the smaller body in the larger, from its hashes under the ceiling.
        int samples = size <= other.size ? inThis : inOther;
        return samples < MIN_SAMPLES ? 0 : (double) common / samples;
    }

    /** The largest hash a sketch vouches for: past it, a full sketch says nothing. */
    private static long kth(StorySketch s) {
        return s.mins.length < K ? Long.MAX_VALUE : s.mins[s.mins.length - 1];
    }

    /** The compact form stored and sent: the hashes as Base64, then the size. */
    @JsonValue
    public String encoded() {
        ByteBuffer buf = ByteBuffer.allocate(4 * mins.length);
        for (int m : mins) {
            buf.putInt(m);
        }
        return size + ":" + Base64.getEncoder().withoutPadding().encodeToString(buf.array());
    }

    @JsonCreator
    public static StorySketch decode(@JsonProperty String encoded) {
        int colon = encoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a sketch: " + encoded);
        }
        int size = Integer.parseInt(encoded.substring(0, colon));
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(encoded.substring(colon + 1)));
        int[] mins = new int[buf.remaining() / 4];
        for (int i = 0; i < mins.length; i++) {
            mins[i] = buf.getInt();
        }
        return new StorySketch(mins, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorySketch s && s.size == size && Arrays.equals(s.mins, mins);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(mins);
    }
}
