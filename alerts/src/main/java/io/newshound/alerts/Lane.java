package io.newshound.alerts;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.newshound.alerts.delivery.AlertChannel;
import io.newshound.alerts.delivery.DeliveryException;
import io.newshound.events.Alert;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One receiver's own queue and thread: alerts to it go out in order, retried with exponential
 * backoff and jitter behind a circuit breaker, so a slow or dead receiver holds up only its own
 * alerts. An ops channel has a lane of its own; subscriptions made through the API share one lane
 * per endpoint host (see {@link Lanes}).
 */
final class Lane implements AutoCloseable {
    /** What became of one alert in a lane. */
    interface Outcome {
        void delivered(Alert alert, int attempts, String receipt);

        /** A re-report whose first alert has no thread to reply under: nothing was sent. */
        void unthreaded(Alert alert);

        void failed(Alert alert, int attempts, String reason);
    }

    private final String name;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final ExecutorService thread;
    private volatile boolean closing;

    Lane(String name, DeliveryPolicy policy, AlertsMetrics metrics) {
        this.name = name;
        IntervalFunction backoff =
                IntervalFunction.ofExponentialRandomBackoff(
                        Math.max(1, policy.firstBackoff().toMillis()),
                        2.0,
                        0.5,
                        Math.max(1, policy.maxBackoff().toMillis()));
        this.retry =
                Retry.of(
                        name,
                        RetryConfig.custom()
                                .maxAttempts(policy.attempts())
                                .intervalBiFunction(
                                        (attempt, result) ->
                                                waitBefore(
                                                        backoff.apply(attempt),
                                                        result.isLeft() ? result.getLeft() : null,
                                                        policy.maxBackoff()))
                                .retryOnException(Lane::isWorthRetrying)
                                .failAfterMaxAttempts(false)
                                .build());
        this.retry.getEventPublisher().onRetry(event -> metrics.retried(name));
        this.breaker =
                CircuitBreaker.of(
                        name,
                        CircuitBreakerConfig.custom()
                                .slidingWindowSize(10)
                                .minimumNumberOfCalls(5)
                                .failureRateThreshold(50)
                                .waitDurationInOpenState(policy.breakerOpen())
                                .permittedNumberOfCallsInHalfOpenState(1)
                                .build());
        this.thread =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "newshound-alerts-" + name);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * The wait before the next send: our backoff, or the receiver's Retry-After when it asked for
     * longer (never hammer it sooner), but never beyond our own limit.
     */
    private static long waitBefore(long backoff, Throwable failure, Duration max) {
        if (failure instanceof DeliveryException e && e.retryAfter() != null) {
            return Math.min(Math.max(backoff, e.retryAfter().toMillis()), max.toMillis());
        }
        return backoff;
    }

    /** An open circuit, a failure the receiver may get over, or a bug of ours: not a refusal. */
    private static boolean isWorthRetrying(Throwable e) {
        return e instanceof DeliveryException d ? d.retryable() : e instanceof RuntimeException;
    }

    String name() {
        return name;
    }

    /**
     * Queues {@code alert} for delivery through {@code channel}, under {@code thread} (the receipt
     * of the alert it follows up, or null, asked when its turn comes); {@code outcome} hears what
     * became of it.
     */
    void submit(AlertChannel channel, Alert alert, Supplier<String> thread, Outcome outcome) {
        this.thread.execute(() -> deliver(channel, alert, thread.get(), outcome));
    }

    private void deliver(AlertChannel channel, Alert alert, String thread, Outcome outcome) {
        if (closing) {
            return; // queued behind a stop: it goes after the restart
        }
        if (alert.kind() == Alert.Kind.RE_REPORT && thread == null) {
            outcome.unthreaded(alert);
            return;
        }
        int[] attempts = {0};
        try {
            String receipt =
                    retry.executeCheckedSupplier(
                            () -> {
                                attempts[0]++;
                                return breaker.executeCheckedSupplier(
                                        () -> channel.deliver(alert, thread));
                            });
            outcome.delivered(alert, attempts[0], receipt);
        } catch (Throwable e) {
            if (closing) {
                return; // stopped mid-delivery: not an outcome; it goes again after the restart
            }
            outcome.failed(alert, attempts[0], reason(e));
        }
    }

    private String reason(Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return name + ": circuit open after repeated failures";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ");
    }

    /**
     * Stops the lane: what is queued stays undelivered and uncommitted, so it goes after a restart;
     * the delivery under way may finish (and be recorded, so a restart does not send it twice) for
     * up to {@link #FINISH_GRACE}, then it is interrupted.
     */
    @Override
    public void close() {
        stopTaking();
        awaitStop();
    }

    /** The first half of {@link #close}: takes nothing more, lets the delivery under way finish. */
    void stopTaking() {
        closing = true;
        thread.shutdown();
    }

    /** The second half of {@link #close}: waits for the delivery under way, then interrupts it. */
    void awaitStop() {
        try {
            if (!thread.awaitTermination(FINISH_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
                thread.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** How long a stop waits for the delivery under way. */
    static final Duration FINISH_GRACE = Duration.ofSeconds(5);
}
