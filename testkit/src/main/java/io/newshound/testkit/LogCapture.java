package io.newshound.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what a logger (and its children) logs while open, so tests can read the lines. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.logger = context.getLogger(name);
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts recording {@code loggerName}, e.g. {@code io.newshound}. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** Every line logged at {@code level} so far, formatted. */
    public List<String> lines(String level) {
        return appender.list.stream()
                .filter(e -> e.getLevel().toString().equals(level))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
