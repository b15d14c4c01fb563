package io.newshound.alerts;

import io.newshound.events.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds back what a subscription should not hear at once: every alert of an hourly or daily
 * subscription, and alerts beyond a rate budget (the subscription's own, or a topic's). What is
 * held goes out as one digest when its period or window closes. The alerts of a subscription come
 * here on one partition (keyed by subscription), and the state is a store with a changelog, so
 * every instance and every restart counts the same budgets and sends the same digests.
 */
final class Pacer implements Processor<String, Alert, String, Alert> {
    static final String STORE = "pacing";

    private final SubscriptionView subscriptions;
    private final Map<String, Budget> topicBudgets;
    private final AlertsMetrics metrics;
    private final Clock clock;
    private final Duration checkEvery;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Pacing> store;

    Pacer(
            SubscriptionView subscriptions,
            Map<String, Budget> topicBudgets,
            AlertsMetrics metrics,
            Clock clock,
            Duration checkEvery) {
        this.subscriptions = subscriptions;
        this.topicBudgets = topicBudgets;
        this.metrics = metrics;
        this.clock = clock;
        this.checkEvery = checkEvery;
    }

    /** Whether an alert to {@code s} under {@code topics} may be held back. */
    static boolean isPaced(Subscription s, List<String> topics, Map<String, Budget> topicBudgets) {
        return s.isDigest()
                || s.budget() != null
                || topics.stream().anyMatch(topicBudgets::containsKey);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, at -> sendDue());
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        Optional<Subscription> found = subscriptions.get(record.key());
        if (alert == null || found.isEmpty()) {
            context.forward(record); // the dispatcher tells an unsubscribed alert from the rest
            return;
        }
        Subscription s = found.get();
        Instant now = clock.instant();
        Pacing pacing = Optional.ofNullable(store.get(s.id())).orElse(Pacing.NONE);
        if (s.isDigest()) {
            ChronoUnit period = s.delivery().equals("daily") ? ChronoUnit.DAYS : ChronoUnit.HOURS;
            Instant from = now.atZone(ZoneOffset.UTC).truncatedTo(period).toInstant();
            store.put(s.id(), pacing.hold(alert, from, from.plus(1, period), s.delivery()));
            metrics.held(s.delivery());
            return;
        }
        Map<String, Pacing.Window> used = new LinkedHashMap<>();
        Instant from = null;
        Instant due = null;
        for (Map.Entry<String, Budget> budget : budgets(s, alert).entrySet()) {
            Pacing.Window w = pacing.window(budget.getKey(), budget.getValue(), now);
            used.put(budget.getKey(), w);
            if (w.sent() >= budget.getValue().max()) {
                from = from == null || w.start().isBefore(from) ? w.start() : from;
                due = due == null || w.end().isAfter(due) ? w.end() : due;
            }
        }
        if (due == null && pacing.held() == null) {
            store.put(s.id(), pacing.sent(used));
            context.forward(record);
        } else {
            // Over budget, or a digest already pending: an alert sent now would jump ahead of
            // the claims held before it.
            if (due == null) {
                due = pacing.held().due();
                from = pacing.held().from();
            }
            store.put(s.id(), pacing.hold(alert, from, due, "budget"));
            metrics.held("budget");
        }
    }

    /** The budgets an alert to {@code s} counts against, by name. */
    private Map<String, Budget> budgets(Subscription s, Alert alert) {
        Map<String, Budget> budgets = new LinkedHashMap<>();
        if (s.budget() != null) {
            budgets.put("subscription", s.budget());
        }
        for (String topic : alert.topics()) {
            Budget b = topicBudgets.get(topic);
            if (b != null) {
                budgets.put("topic:" + topic, b);
            }
        }
        return budgets;
    }

    /** Sends every digest that is due, and forgets the budget windows that have closed. */
    private void sendDue() {
        Instant now = clock.instant();
        List<KeyValue<String, Pacing>> changed = new ArrayList<>();
        try (KeyValueIterator<String, Pacing> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Pacing> entry = all.next();
                Pacing pacing = entry.value;
                Pacing.Held held = pacing.held();
                boolean due = held != null && !now.isBefore(held.due());
                if (due) {
                    Alert digest = Alert.digest(held.digest(), held.topics(), entry.key, now);
                    context.forward(new Record<>(entry.key, digest, now.toEpochMilli()));
                    metrics.digest(held.reason());
                }
                Pacing swept = pacing.sweep(now, due);
                if (!swept.equals(pacing)) {
                    changed.add(KeyValue.pair(entry.key, swept));
                }
            }
        }
        for (KeyValue<String, Pacing> c : changed) {
            if (c.value.isEmpty()) {
                store.delete(c.key);
            } else {
                store.put(c.key, c.value);
            }
        }
    }
}
