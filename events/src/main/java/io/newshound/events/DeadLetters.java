package io.newshound.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead letters: records that could not be read or handled, kept byte for byte with where they came
 * from and why in headers.
 */
public final class DeadLetters {
    /** Header: one line saying what was wrong. */
    public static final String REASON = "newshound.dlq.reason";

    /** Header: the topic the record was read from. */
    public static final String SOURCE_TOPIC = "newshound.dlq.topic";

    /** Header: its partition, as decimal text. */
    public static final String SOURCE_PARTITION = "newshound.dlq.partition";

    /** Header: its offset, as decimal text. */
    public static final String SOURCE_OFFSET = "newshound.dlq.offset";

    /** Header: the service that gave up on it. */
    public static final String SERVICE = "newshound.dlq.service";

    private DeadLetters() {}

    /** The dead letter of one record. */
    public static ProducerRecord<byte[], byte[]> letter(
            String deadLetterTopic,
            String service,
            String sourceTopic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            String reason) {
        Headers headers = new RecordHeaders();
        headers.add(REASON, utf8(reason));
        headers.add(SOURCE_TOPIC, utf8(sourceTopic));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(partition)));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(offset)));
        headers.add(SERVICE, utf8(service));
        return new ProducerRecord<>(deadLetterTopic, null, key, value, headers);
    }

    /** A header's value as text, or null when absent. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A one-line reason: the first message in the cause chain that is not just a wrapped cause's
     * {@code toString()}, newlines flattened.
     */
    public static String reason(Throwable error) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = t.getMessage();
            boolean wrapsCause = t.getCause() != null && t.getCause().toString().equals(m);
            if (m != null && !m.isBlank() && !wrapsCause) {
                message = m;
                break;
            }
        }
        if (message == null) {
            message = error.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
