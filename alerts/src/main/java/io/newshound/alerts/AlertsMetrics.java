package io.newshound.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;

/**
 * Alerts' meters: alerts routed by topic, deliveries by channel and outcome, and the latency from
 * an article's publication to the alert's delivery.
 */
public final class AlertsMetrics implements MeterBinder {
    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
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

    void latency(String channel, Duration sincePublication) {
        Timer.builder("newshound.alerts.latency")
                .description("From the article's publication to the alert's delivery")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .register(registry())
                .record(sincePublication.isNegative() ? Duration.ZERO : sincePublication);
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
