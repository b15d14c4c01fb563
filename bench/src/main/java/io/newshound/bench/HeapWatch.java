package io.newshound.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The most heap this JVM used while it watched, sampled twice a second. */
final class HeapWatch implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "heap-watch");
                        t.setDaemon(true);
                        return t;
                    });

    HeapWatch() {
        sampler.scheduleAtFixedRate(
                () ->
                        peak.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                                Math::max),
                0,
                500,
                TimeUnit.MILLISECONDS);
    }

    long peakMegabytes() {
        return peak.get() / (1024 * 1024);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
