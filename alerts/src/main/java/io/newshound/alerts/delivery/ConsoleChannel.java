package io.newshound.alerts.delivery;

import io.newshound.events.Alert;
import java.util.function.Consumer;

/**
 * Prints each alert as one line, through a sink the caller chooses (standard output in the CLI).
 */
public final class ConsoleChannel implements AlertChannel {
    private final AlertFormatter formatter;
    private final Consumer<String> out;

    public ConsoleChannel(AlertFormatter formatter, Consumer<String> out) {
        this.formatter = formatter;
        this.out = out;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void deliver(Alert alert) {
        out.accept(formatter.line(alert));
    }
}
