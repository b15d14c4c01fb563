package io.newshound.alerts.delivery;

import io.newshound.events.Alert;
import java.util.function.Consumer;

/**
 * Prints each alert as one line, through a sink the caller chooses (standard output in the CLI).
 */
public final class ConsoleChannel implements AlertChannel {
    private final String name;
    private final AlertFormatter formatter;
    private final Consumer<String> out;

    ConsoleChannel(String name, AlertFormatter formatter, Consumer<String> out) {
        this.name = name;
        this.formatter = formatter;
        this.out = out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) {
        out.accept(formatter.line(alert));
    }
}
