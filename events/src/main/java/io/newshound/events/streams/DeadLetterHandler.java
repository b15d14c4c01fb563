package io.newshound.events.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

    /** Config key: the service's name, for the header and the meter. */
    public static final String SERVICE_CONFIG = "newshound.deadletter.service";

    /** Config key: the {@link MeterRegistry} to count dead letters in (optional). */
    public static final String REGISTRY_CONFIG = "newshound.deadletter.registry";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
    private String topic;
    private String service;
    private MeterRegistry registry;

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(TOPIC_CONFIG);
        if (name == null) {
            throw new IllegalArgumentException(TOPIC_CONFIG + " is not set");
        }
        topic = name.toString();
        service = String.valueOf(configs.get(SERVICE_CONFIG));
        registry = (MeterRegistry) configs.get(REGISTRY_CONFIG);
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
        if (registry != null) {
            Counter.builder("newshound.deadletters")
                    .description(
                            "Records sent to the dead-letter topic, by service and source topic")
                    .tag("service", service)
                    .tag("topic", context.topic() == null ? "unknown" : context.topic())
                    .register(registry)
                    .increment();
        }
        return DeadLetters.letter(
                topic,
                service,
                context.topic(),
                context.partition(),
                context.offset(),
                key,
                value,
                reason);
    }
}
