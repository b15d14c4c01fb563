package io.newshound.enrich.dedup;

import io.newshound.events.DuplicateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary forms of what the story decision passes between its steps (probes, answers, the
 * waiting article) and keeps in its stores (the index's keys and articles, the votes so far). They
 * never leave enrich (its internal topics and changelogs), so they need not be JSON, and read at
 * every probe and by every sweep of expired entries they cost more as JSON than the work itself.
 * Each starts with a format byte of its own, so a change of format, or a record of another kind, is
 * refused with the topic named. The article inside a message stays the JSON of the event, read only
 * where its story is decided.
 */
public final class StorySerdes {
    private static final byte BAND_ENTRIES = 11;
    private static final byte INDEXED_ARTICLE = 12;
    private static final byte PROBE = 13;
    private static final byte MESSAGE = 14;
    private static final byte PENDING = 15;

    private StorySerdes() {}

    /** The articles remembered under a key: a count, then each one's order and id. */
    public static Serde<BandEntries> bandEntries() {
        return serde(
                BAND_ENTRIES,
                "key entries",
                (out, v) -> {
                    out.putInt(v.entries().size());
                    for (BandEntry e : v.entries()) {
                        out.putLong(e.order()).putString(e.articleId());
                    }
                },
                in -> {
                    int count = in.getInt();
                    List<BandEntry> entries = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        long order = in.getLong();
                        entries.add(new BandEntry(in.getString(), order));
                    }
                    return new BandEntries(entries);
                });
    }

    /** What a slot keeps of an article: its order, its key hashes, its sketch when it has one. */
    public static Serde<IndexedArticle> indexedArticle() {
        return serde(
                INDEXED_ARTICLE,
                "an indexed article",
                (out, v) -> putSketch(out.putLong(v.order()).putInts(v.keys()), v.sketch()),
                in -> {
                    long order = in.getLong();
                    List<Integer> keys = in.getInts();
                    return new IndexedArticle(order, keys, getSketch(in));
                });
    }

    /** An article's look-up in one slot. */
    public static Serde<StoryProbe> probe() {
        return serde(
                PROBE,
                "a story probe",
                (out, p) -> {
                    out.putString(p.articleId())
                            .putLong(p.order())
                            .putInt(p.slot())
                            .putInt(p.probes())
                            .putInt(p.exactKeys().size());
                    p.exactKeys().forEach(out::putString);
                    out.putInts(p.bands())
                            .putInts(p.allKeys())
                            .putNullableInt(p.guidKey())
                            .putNullableInt(p.bodyKey());
                    putSketch(out, p.sketch());
                },
                in -> {
                    String id = in.getString();
                    long order = in.getLong();
                    int slot = in.getInt();
                    int probes = in.getInt();
                    int exact = in.getInt();
                    List<String> exactKeys = new ArrayList<>(exact);
                    for (int i = 0; i < exact; i++) {
                        exactKeys.add(in.getString());
                    }
                    List<Integer> bands = in.getInts();
                    List<Integer> all = in.getInts();
                    Integer guid = in.getNullableInt();
                    Integer body = in.getNullableInt();
                    return new StoryProbe(
                            id,
                            order,
                            slot,
                            probes,
                            exactKeys,
                            bands,
                            all,
                            guid,
                            body,
                            getSketch(in));
                });
    }

    /** The article on its way to its decision, or a slot's answer. */
    public static Serde<StoryMessage> message() {
        return serde(
                MESSAGE,
                "a story message",
                (out, m) -> {
                    out.putInt(m.probes());
                    out.putBytes(m.articleJson());
                    out.putBoolean(m.vote() != null);
                    if (m.vote() != null) {
                        putVote(out, m.vote());
                    }
                },
                in -> {
                    int probes = in.getInt();
                    byte[] article = in.getBytes();
                    StoryVote vote = in.getBoolean() ? getVote(in) : null;
                    return new StoryMessage(article, probes, vote);
                });
    }

    /** What is known of an article waiting for its answers. */
    public static Serde<PendingStory> pending() {
        return serde(
                PENDING,
                "a pending story",
                (out, p) -> {
                    out.putBoolean(p.arrived()).putInt(p.probes()).putInt(p.votes().size());
                    p.votes().forEach(v -> putVote(out, v));
                },
                in -> {
                    boolean arrived = in.getBoolean();
                    int probes = in.getInt();
                    int count = in.getInt();
                    List<StoryVote> votes = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        votes.add(getVote(in));
                    }
                    return new PendingStory(arrived, probes, votes);
                });
    }

    /** A serde writing {@code format} then what {@code write} writes; null stays null. */
    private static <T> Serde<T> serde(
            byte format,
            String what,
            BiConsumer<Binary.Writer, T> write,
            Function<Binary.Reader, T> read) {
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    Binary.Writer out = new Binary.Writer(format);
                    write.accept(out, value);
                    return out.toBytes();
                },
                (topic, bytes) ->
                        bytes == null
                                ? null
                                : read.apply(new Binary.Reader(bytes, format, what, topic)));
    }

    private static void putVote(Binary.Writer out, StoryVote v) {
        out.putString(v.articleId())
                .putInt(v.slot())
                .putInt(v.probes())
                .putString(v.candidate())
                .put((byte) (v.kind() == null ? -1 : v.kind().ordinal()))
                .putDouble(v.similarity())
                .putLong(v.candidateOrder());
    }

    private static StoryVote getVote(Binary.Reader in) {
        String id = in.getString();
        int slot = in.getInt();
        int probes = in.getInt();
        String candidate = in.getString();
        byte kind = in.get();
        double similarity = in.getDouble();
        long candidateOrder = in.getLong();
        return new StoryVote(
                id,
                slot,
                probes,
                candidate,
                kind < 0 ? null : DuplicateKind.values()[kind],
                similarity,
                candidateOrder);
    }

    private static Binary.Writer putSketch(Binary.Writer out, StorySketch sketch) {
        out.putBoolean(sketch != null);
        if (sketch != null) {
            int[] mins = sketch.hashes();
            out.putInt(sketch.size()).putInt(mins.length);
            for (int m : mins) {
                out.putInt(m);
            }
        }
        return out;
    }

    private static StorySketch getSketch(Binary.Reader in) {
        if (!in.getBoolean()) {
            return null;
        }
        int size = in.getInt();
        int[] mins = new int[in.getInt()];
        for (int i = 0; i < mins.length; i++) {
            mins[i] = in.getInt();
        }
        return StorySketch.stored(mins, size);
    }
}
