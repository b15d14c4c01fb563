package io.newshound.enrich.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A minimal binary encoding for the records the story decision passes between its own steps and
 * keeps in its stores: big-endian numbers, length-prefixed UTF-8 strings, a format byte first.
 */
final class Binary {
    private Binary() {}

    /** Writes values into a growing array. */
    static final class Writer {
        private byte[] bytes = new byte[128];
        private int size;

        Writer(byte format) {
            put(format);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        Writer put(byte b) {
            room(1);
            bytes[size++] = b;
            return this;
        }

        Writer putBoolean(boolean b) {
            return put((byte) (b ? 1 : 0));
        }

        Writer putInt(int v) {
            room(4);
            ByteBuffer.wrap(bytes, size, 4).putInt(v);
            size += 4;
            return this;
        }

        Writer putLong(long v) {
            room(8);
            ByteBuffer.wrap(bytes, size, 8).putLong(v);
            size += 8;
            return this;
        }

        Writer putDouble(double v) {
            return putLong(Double.doubleToRawLongBits(v));
        }

        Writer putBytes(byte[] b) {
            if (b == null) {
                return putInt(-1);
            }
            putInt(b.length);
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
            return this;
        }

        Writer putString(String s) {
            return putBytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        Writer putInts(List<Integer> values) {
            putInt(values.size());
            values.forEach(this::putInt);
            return this;
        }

        Writer putNullableInt(Integer v) {
            putBoolean(v != null);
            return v == null ? this : putInt(v);
        }

        byte[] toBytes() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Reads values in the order a {@link Writer} wrote them. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] bytes, byte format, String what, String topic) {
            if (bytes.length == 0 || bytes[0] != format) {
                throw new SerializationException(
                        "not " + what + " of format " + format + " in " + topic);
            }
            in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        }

        byte get() {
            return in.get();
        }

        boolean getBoolean() {
            return in.get() != 0;
        }

        int getInt() {
            return in.getInt();
        }

        long getLong() {
            return in.getLong();
        }

        double getDouble() {
            return Double.longBitsToDouble(in.getLong());
        }

        byte[] getBytes() {
            int length = in.getInt();
            if (length < 0) {
                return null;
            }
            byte[] b = new byte[length];
            in.get(b);
            return b;
        }

        String getString() {
            byte[] b = getBytes();
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        }

        List<Integer> getInts() {
            int count = in.getInt();
            List<Integer> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(in.getInt());
            }
            return values;
        }

        Integer getNullableInt() {
            return getBoolean() ? in.getInt() : null;
        }
    }
}
