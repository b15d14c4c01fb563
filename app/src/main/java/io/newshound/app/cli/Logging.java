package io.newshound.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Adjusts log levels and the log format from command-line flags. */
public final class Logging {
    private Logging() {}

    /**
     * Logs as {@code plain} lines (the default) or as {@code json}, one object per line with
     * timestamp, level, thread, logger, message and any exception.
     *
     * @throws IllegalArgumentException for another format
     */
    public static void format(String format) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("plain") && !f.equals("json")) {
            throw new IllegalArgumentException(
                    "log format must be plain or json, not '" + format + "'");
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        synchronized (Logging.class) {
            for (ConsoleAppender<ILoggingEvent> console : consoles(context)) {
                Encoder<ILoggingEvent> encoder =
                        PLAIN.computeIfAbsent(console.getName(), n -> console.getEncoder());
                if (f.equals("json")) {
                    JsonEncoder json = new JsonEncoder();
                    json.setContext(context);
                    json.setWithSequenceNumber(false);
                    json.setWithNanoseconds(false);
                    json.setWithContext(false);
                    json.setWithFormattedMessage(true); // what a reader wants: "feed X failed"
                    json.setWithMessage(false);
                    json.setWithArguments(false);
                    json.start();
                    encoder = json;
                }
                console.stop();
                console.setEncoder(encoder);
                console.start();
            }
        }
    }

    /** The encoders of the configuration's console appenders, to go back to, by appender. */
    private static final Map<String, Encoder<ILoggingEvent>> PLAIN = new HashMap<>();

    private static List<ConsoleAppender<ILoggingEvent>> consoles(LoggerContext context) {
        List<ConsoleAppender<ILoggingEvent>> consoles = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders()
                .forEachRemaining(
                        a -> {
                            if (a instanceof ConsoleAppender<ILoggingEvent> c) {
                                consoles.add(c);
                            }
                        });
        return consoles;
    }

    /** The encoder of the first console appender now. */
    static Encoder<ILoggingEvent> encoder() {
        return consoles((LoggerContext) LoggerFactory.getILoggerFactory()).get(0).getEncoder();
    }

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
