package io.newshound.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Alerts' meters: alerts routed by topic, deliveries by channel and outcome (delivered,
 * dead-letter, skipped as delivered before, unsubscribed), retries, dead letters, and the latency
 * of delivery from the alert and from the article's publication.
 */
public final class AlertsMetrics implements MeterBinder {
    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        // Digests are rare: their counters show 0 from the start rather than nothing.
        for (String reason : List.of("hourly", "daily", "budget")) {
            held(reason, 0);
            digest(reason, 0);
        }
    }

    void routed(String topic) {
        Counter.builder("newshound.alerts.routed")
                .description("Alerts made from new claims, by topic")
                .tag("topic", topic)
                .register(registry())
                .increment();
    }

    void delivered(String channel, String outcome) {
        Counter.builder("newshound.alerts")
                .description("Alert deliveries by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry())
                .increment();
    }

    /**
     * Records a delivery's latency: from the alert's making ({@code newshound.alerts.delivery}) and
     * from the article's publication, end to end ({@code newshound.alerts.latency}); {@code
     * sincePublication} is null for a digest, which was held back on purpose.
     */
    void latency(String channel, Duration sinceAlert, Duration sincePublication) {
        Timer.builder("newshound.alerts.delivery")
                .description("From the alert's making to its delivery")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .register(registry())
                .record(sinceAlert.isNegative() ? Duration.ZERO : sinceAlert);
        if (sincePublication == null) {
            return;
        }
        Timer.builder("newshound.alerts.latency")
                .description("From the article's publication to the alert's delivery")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .register(registry())
                .record(sincePublication.isNegative() ? Duration.ZERO : sincePublication);
    }

    /** An alert held for a digest, by why: {@code hourly}, {@code daily}, {@code budget}. */
    void held(String reason) {
        held(reason, 1);
    }

    private void held(String reason, int count) {
        Counter.builder("newshound.alerts.held")
                .description("Alerts held back for a digest, by reason")
                .tag("reason", reason)
                .register(registry())
                .increment(count);
    }

    void digest(String reason) {
        digest(reason, 1);
    }

    private void digest(String reason, int count) {
        Counter.builder("newshound.alerts.digests")
                .description("Digests made of held alerts, by reason")
                .tag("reason", reason)
                .register(registry())
                .increment(count);
    }

    /**
     * Binds the meters of {@code consumer} (lag, fetch rates); close it when the consumer closes.
     */
    KafkaClientMetrics bindClient(Consumer<?, ?> consumer) {
        KafkaClientMetrics client = new KafkaClientMetrics(consumer);
        client.bindTo(registry());
        return client;
    }

    void retried(String channel) {
        Counter.builder("newshound.alerts.retries")
                .description("Alert sends tried again after a failure, by channel")
                .tag("channel", channel)
                .register(registry())
                .increment();
    }

    void deadLetter(String topic) {
        Counter.builder("newshound.deadletters")
                .description("Records sent to the dead-letter topic, by service and source topic")
                .tag("service", "alerts")
                .tag("topic", topic)
                .register(registry())
                .increment();
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("AlertsMetrics is not bound to a registry");
        }
        return r;
    }
}
