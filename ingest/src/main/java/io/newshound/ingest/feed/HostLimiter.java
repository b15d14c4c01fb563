package io.newshound.ingest.feed;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Politeness per host: at most {@code connections} requests at once to one host, and at least
 * {@code delay} between the starts of two of them.
 */
public final class HostLimiter {
    private final int connections;
    private final long delayNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public HostLimiter(int connections, Duration delay) {
        this.connections = connections;
        this.delayNanos = delay.toNanos();
    }

    /** No limit: for tools fetching one page. */
    public static HostLimiter unlimited() {
        return new HostLimiter(Integer.MAX_VALUE, Duration.ZERO);
    }

    /** Waits for a turn at {@code host}; every call must be followed by {@link #release}. */
    public void acquire(String host) throws InterruptedException {
        hosts.computeIfAbsent(host, h -> new Host()).acquire();
    }

    public void release(String host) {
        Host h = hosts.get(host);
        if (h != null) {
            h.release();
        }
    }

    private final class Host {
        private int running;
        private long nextStart = System.nanoTime();

        synchronized void acquire() throws InterruptedException {
            while (true) {
                long now = System.nanoTime();
                if (running < connections && now - nextStart >= 0) {
                    running++;
                    nextStart = now + delayNanos;
                    return;
                }
                long waitNanos = running < connections ? nextStart - now : 0;
                if (waitNanos > 0) {
                    wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
                } else {
                    wait();
                }
            }
        }

        synchronized void release() {
            running--;
            notifyAll();
        }
    }
}
