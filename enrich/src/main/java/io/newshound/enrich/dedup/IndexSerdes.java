package io.newshound.enrich.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary forms of what the story index stores: read at every probe and by every sweep of
 * expired entries, they cost more as JSON than the look-ups themselves. They never leave the index
 * (its stores and their changelogs), so they need not be JSON; each starts with a format byte so
 * that it can change.
 */
public final class IndexSerdes {
    private static final byte FORMAT = 1;

    private IndexSerdes() {}

    /** The serde of {@link BandEntries}: the format, a count, then each entry's order and id. */
    public static Serde<BandEntries> bandEntries() {
        return Serdes.serdeFrom(IndexSerdes::write, IndexSerdes::readEntries);
    }

    /**
     * The serde of {@link IndexedArticle}: the format, its order, its key hashes, then its sketch
     * (size and hashes) when it has one.
     */
    public static Serde<IndexedArticle> indexedArticle() {
        return Serdes.serdeFrom(IndexSerdes::write, IndexSerdes::readArticle);
    }

    private static byte[] write(String topic, BandEntries value) {
        if (value == null) {
            return null;
        }
        List<byte[]> ids = new ArrayList<>(value.entries().size());
        int size = 2;
        for (BandEntry entry : value.entries()) {
            byte[] id = entry.articleId().getBytes(StandardCharsets.UTF_8);
            ids.add(id);
            size += 8 + 2 + id.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT).put((byte) ids.size());
        for (int i = 0; i < ids.size(); i++) {
            byte[] id = ids.get(i);
            out.putLong(value.entries().get(i).order()).putShort((short) id.length).put(id);
        }
        return out.array();
    }

    private static BandEntries readEntries(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer in = open(bytes, topic);
        int count = in.get() & 0xFF;
        List<BandEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long order = in.getLong();
            byte[] id = new byte[in.getShort() & 0xFFFF];
            in.get(id);
            entries.add(new BandEntry(new String(id, StandardCharsets.UTF_8), order));
        }
        return new BandEntries(entries);
    }

    private static byte[] write(String topic, IndexedArticle value) {
        if (value == null) {
            return null;
        }
        StorySketch sketch = value.sketch();
        int[] mins = sketch == null ? new int[0] : sketch.hashes();
        ByteBuffer out =
                ByteBuffer.allocate(
                                1 + 8 + 2 + 4 * value.keys().size() + 1 + 4 + 2 + 4 * mins.length)
                        .put(FORMAT)
                        .putLong(value.order())
                        .putShort((short) value.keys().size());
        value.keys().forEach(out::putInt);
        out.put((byte) (sketch == null ? 0 : 1));
        if (sketch != null) {
            out.putInt(sketch.size()).putShort((short) mins.length);
            for (int m : mins) {
                out.putInt(m);
            }
        }
        return out.array();
    }

    private static IndexedArticle readArticle(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer in = open(bytes, topic);
        long order = in.getLong();
        int count = in.getShort() & 0xFFFF;
        List<Integer> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(in.getInt());
        }
        StorySketch sketch = null;
        if (in.get() == 1) {
            int size = in.getInt();
            int[] mins = new int[in.getShort() & 0xFFFF];
            for (int i = 0; i < mins.length; i++) {
                mins[i] = in.getInt();
            }
            sketch = StorySketch.stored(mins, size);
        }
        return new IndexedArticle(order, keys, sketch);
    }

    private static ByteBuffer open(byte[] bytes, String topic) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new SerializationException(
                    "not a story index entry of format " + FORMAT + " in " + topic);
        }
        return ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    }
}
