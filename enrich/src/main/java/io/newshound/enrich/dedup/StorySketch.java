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
        return smallest(hashes);
    }

    /**
     * The sketch of these shingle hashes: the {@value #K} smallest distinct ones, and how many
     * distinct ones there are. A hash set counts them and a bounded heap keeps the smallest, so the
     * cost grows with the body and not with sorting it (sorting was a tenth of the story keys).
     */
    static StorySketch smallest(int[] hashes) {
        int capacity = Integer.highestOneBit(Math.max(16, hashes.length * 2 - 1)) << 1;
        int[] table = new int[capacity];
        boolean[] used = new boolean[capacity];
        int[] heap = new int[K];
        int kept = 0;
        int distinct = 0;
        for (int h : hashes) {
            int i = (h * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(capacity) + 1);
            while (used[i] && table[i] != h) {
                i = (i + 1) & (capacity - 1);
            }
            if (used[i]) {
                continue;
            }
            used[i] = true;
            table[i] = h;
            distinct++;
            if (kept < K) {
                heap[kept] = h;
                siftUp(heap, kept++);
            } else if (h < heap[0]) {
                heap[0] = h;
                siftDown(heap, K);
            }
        }
        int[] mins = Arrays.copyOf(heap, kept);
        Arrays.sort(mins);
        return new StorySketch(mins, distinct);
    }

    /** Restores the max-heap order of {@code heap} after an element was added at {@code i}. */
    private static void siftUp(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent] >= heap[i]) {
                return;
            }
            swap(heap, parent, i);
            i = parent;
        }
    }

    /** Restores the max-heap order of the first {@code n} of {@code heap} after its top changed. */
    private static void siftDown(int[] heap, int n) {
        int i = 0;
        while (true) {
            int largest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < n && heap[left] > heap[largest]) {
                largest = left;
            }
            if (right < n && heap[right] > heap[largest]) {
                largest = right;
            }
            if (largest == i) {
                return;
            }
            swap(heap, i, largest);
            i = largest;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
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
