package io.newshound.enrich.internal;

import io.newshound.enrich.EnrichMetrics;
import io.newshound.events.DeadLetters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be read, or whose processing failed, to the dead-letter topic with the
 * reason and its origin, logs one line, counts it, and lets the stream go on.
 */
public final class DeadLetterHandler
        implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    /** Config key: the dead-letter topic's name. */
    public static final String TOPIC_CONFIG = "newshound.deadletter.topic";

    /** Config key: the {@link EnrichMetrics} to count in. */
    public static final String METRICS_CONFIG = "newshound.deadletter.metrics";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final String SERVICE = "enrich";

    private String topic;
    private EnrichMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(TOPIC_CONFIG);
        if (name == null) {
            throw new IllegalArgumentException(TOPIC_CONFIG + " is not set");
        }
        topic = name.toString();
        metrics = (EnrichMetrics) configs.get(METRICS_CONFIG);
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception error) {
        return DeserializationExceptionHandler.Response.resume(
                List.of(letter(context, record.key(), record.value(), error)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception error) {
        return ProcessingExceptionHandler.Response.resume(
                List.of(letter(context, context.sourceRawKey(), context.sourceRawValue(), error)));
    }

    private ProducerRecord<byte[], byte[]> letter(
            ErrorHandlerContext context, byte[] key, byte[] value, Exception error) {
        String reason = DeadLetters.reason(error);
        log.warn(
                "{}-{} offset {}: {}; sent to {}",
                context.topic(),
                context.partition(),
                context.offset(),
                reason,
                topic);
        if (metrics != null) {
            metrics.deadLetter(context.topic());
        }
        return DeadLetters.letter(
                topic,
                SERVICE,
                context.topic(),
                context.partition(),
                context.offset(),
                key,
                value,
                reason);
    }
}
