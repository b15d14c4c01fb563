package io.newshound.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Adjusts log levels from command-line flags. */
final class Logging {
    private Logging() {}

    /** Silences {@code logger} below errors. */
    static void quiet(String logger) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(logger).setLevel(Level.ERROR);
        }
    }

    /**
     * Newshound's own logs at {@code level}; with {@code verbose}, debug for ours and info for
     * Kafka's.
     */
    static void configure(String level, boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger("io.newshound").setLevel(verbose ? Level.DEBUG : Level.toLevel(level));
        if (verbose) {
            context.getLogger("org.apache.kafka").setLevel(Level.INFO);
            context.getLogger("kafka").setLevel(Level.INFO);
        }
    }
}
