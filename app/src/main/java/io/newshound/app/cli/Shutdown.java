package io.newshound.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps a command running until Ctrl-C (or a time limit), then lets it stop cleanly. */
final class Shutdown {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "newshound-shutdown");

    Shutdown() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for Ctrl-C, or for {@code limit} when it is not null. */
    void await(Duration limit) throws InterruptedException {
        if (limit == null) {
            stop.await();
        } else {
            stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Says the command has stopped everything, so that the JVM may exit. */
    void done() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C: the hook is running and waits for us.
        }
    }

    private void onSignal() {
        stop.countDown();
        try {
            // Give the command time to close the services before the JVM halts.
            stopped.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
