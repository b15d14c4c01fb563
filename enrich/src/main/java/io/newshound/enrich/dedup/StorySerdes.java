package io.newshound.enrich.dedup;

import io.newshound.events.DuplicateKind;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary forms of what the story decision passes between its steps (probes, answers, the
 * waiting article) and keeps in its stores (the index's keys and articles, the votes so far). They
 * never leave enrich (its internal topics and changelogs), so they need not be JSON, and read at
 * every probe and by every sweep of expired entries they cost more as JSON than the work itself.
 * Each starts with a format byte of its own, so a change of format, or a record of another kind, is
 * refused with the topic named. The article inside a message stays the JSON of the event.
 */
public final class StorySerdes {
    private static final byte BAND_ENTRIES = 11;
    private static final byte INDEXED_ARTICLE = 12;
    private static final byte PROBE = 13;
    private static final byte MESSAGE = 14;
    private static final byte PENDING = 15;

    private static final JsonSerde<EnrichedArticle> ARTICLE = JsonSerde.of(EnrichedArticle.class);

    private StorySerdes() {}

    /** The articles remembered under a key: a count, then each one's order and id. */
    public static Serde<BandEntries> bandEntries() {
        return Serdes.serdeFrom(
                (topic, v) -> {
                    if (v == null) {
                        return null;
                    }
                    Binary.Writer out = new Binary.Writer(BAND_ENTRIES).putInt(v.entries().size());
                    for (BandEntry e : v.entries()) {
                        out.putLong(e.order()).putString(e.articleId());
                    }
                    return out.toBytes();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    Binary.Reader in = new Binary.Reader(bytes, BAND_ENTRIES, "key entries", topic);
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
        return Serdes.serdeFrom(
                (topic, v) -> {
                    if (v == null) {
                        return null;
                    }
                    Binary.Writer out =
                            new Binary.Writer(INDEXED_ARTICLE).putLong(v.order()).putInts(v.keys());
                    return putSketch(out, v.sketch()).toBytes();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    Binary.Reader in =
                            new Binary.Reader(bytes, INDEXED_ARTICLE, "an indexed article", topic);
                    long order = in.getLong();
                    List<Integer> keys = in.getInts();
                    return new IndexedArticle(order, keys, getSketch(in));
                });
    }

    /** An article's look-up in one slot. */
    public static Serde<StoryProbe> probe() {
        return Serdes.serdeFrom(
                (topic, p) -> {
                    if (p == null) {
                        return null;
                    }
                    Binary.Writer out =
                            new Binary.Writer(PROBE)
                                    .putString(p.articleId())
                                    .putLong(p.order())
                                    .putInt(p.slot())
                                    .putInt(p.probes())
                                    .putInt(p.exactKeys().size());
                    p.exactKeys().forEach(out::putString);
                    out.putInts(p.bands())
                            .putInts(p.allKeys())
                            .putNullableInt(p.guidKey())
                            .putNullableInt(p.bodyKey());
                    return putSketch(out, p.sketch()).toBytes();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    Binary.Reader in = new Binary.Reader(bytes, PROBE, "a story probe", topic);
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
        return Serdes.serdeFrom(
                (topic, m) -> {
                    if (m == null) {
                        return null;
                    }
                    Binary.Writer out = new Binary.Writer(MESSAGE).putInt(m.probes());
                    out.putBytes(
                            m.article() == null ? null : ARTICLE.serialize(topic, m.article()));
                    out.putBoolean(m.vote() != null);
                    if (m.vote() != null) {
                        putVote(out, m.vote());
                    }
                    return out.toBytes();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    Binary.Reader in = new Binary.Reader(bytes, MESSAGE, "a story message", topic);
                    int probes = in.getInt();
                    byte[] article = in.getBytes();
                    StoryVote vote = in.getBoolean() ? getVote(in) : null;
                    return new StoryMessage(
                            article == null ? null : ARTICLE.deserialize(topic, article),
                            probes,
                            vote);
                });
    }

    /** What is known of an article waiting for its answers. */
    public static Serde<PendingStory> pending() {
        return Serdes.serdeFrom(
                (topic, p) -> {
                    if (p == null) {
                        return null;
                    }
                    Binary.Writer out =
                            new Binary.Writer(PENDING)
                                    .putBoolean(p.arrived())
                                    .putInt(p.probes())
                                    .putInt(p.votes().size());
                    p.votes().forEach(v -> putVote(out, v));
                    return out.toBytes();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    Binary.Reader in = new Binary.Reader(bytes, PENDING, "a pending story", topic);
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
