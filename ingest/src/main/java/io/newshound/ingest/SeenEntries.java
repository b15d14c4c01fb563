package io.newshound.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The entries of a feed already published: 64-bit hashes of their keys, oldest dropped first beyond
 * a capacity. Kept as primitive longs because ingest holds one per feed, for thousands of feeds;
 * written to the feed state as base64.
 */
final class SeenEntries {
    private final int capacity;
    private long[] hashes;
    private int size;

    private SeenEntries(int capacity, long[] hashes, int size) {
        this.capacity = capacity;
        this.hashes = hashes;
        this.size = size;
    }

    static SeenEntries empty(int capacity) {
        return new SeenEntries(capacity, new long[Math.min(capacity, 32)], 0);
    }

    /** Reads what {@link #encode()} wrote; an unreadable value counts as nothing seen. */
    static SeenEntries decode(String encoded, int capacity) {
        if (encoded == null || encoded.isEmpty()) {
            return empty(capacity);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return empty(capacity);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int n = bytes.length / Long.BYTES;
        int skip = Math.max(0, n - capacity);
        long[] values = new long[Math.max(Math.min(capacity, 32), n - skip)];
        for (int i = 0; i < n; i++) {
            long v = buffer.getLong();
            if (i >= skip) {
                values[i - skip] = v;
            }
        }
        return new SeenEntries(capacity, values, n - skip);
    }

    boolean contains(String key) {
        long h = hash(key);
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h) {
                return true;
            }
        }
        return false;
    }

    /** A copy with {@code keys} added, the oldest dropped beyond capacity. */
    SeenEntries plus(Iterable<String> keys) {
        SeenEntries copy = new SeenEntries(capacity, Arrays.copyOf(hashes, hashes.length), size);
        for (String key : keys) {
            copy.add(hash(key));
        }
        return copy;
    }

    private void add(long h) {
        if (size == capacity) {
            System.arraycopy(hashes, 1, hashes, 0, size - 1);
            size--;
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.min(capacity, hashes.length * 2));
        }
        hashes[size++] = h;
    }

    int size() {
        return size;
    }

    String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(size * Long.BYTES);
        for (int i = 0; i < size; i++) {
            buffer.putLong(hashes[i]);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    static long hash(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
