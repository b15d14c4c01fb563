package io.newshound.alerts.delivery;

import io.newshound.events.Alert;
import io.newshound.events.Claim;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders an alert as one line for a terminal or a log. */
public final class AlertFormatter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);
    private static final int MAX_CONTENT = 220;

    private final ZoneId zone;

    public AlertFormatter(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * {@code Jan 21 18:45 [peace-plan, witkoff] people familiar with the matter (anonymous, via
     * Bloomberg) in Kyiv Ledger: the US handed Putin a draft peace plan}
     */
    public String line(Alert alert) {
        Claim c = alert.claim();
        StringBuilder who =
                new StringBuilder(oneLine(c.source())).append(" (").append(c.sourceType().label());
        if (c.relayedBy() != null
                && !c.relayedBy().equalsIgnoreCase(c.source())
                && !c.relayedBy().equalsIgnoreCase(c.outlet())) {
            who.append(", via ").append(oneLine(c.relayedBy()));
        }
        who.append(')');
        String content = oneLine(c.content());
        if (content.length() > MAX_CONTENT) {
            content = content.substring(0, MAX_CONTENT - 1) + "…";
        }
        return TIME.format(c.published().atZone(zone))
                + "  "
                + alert.topics()
                + "  "
                + who
                + " in "
                + oneLine(c.outlet())
                + (c.denial() ? ": DENIAL: " : ": ")
                + (c.quote() ? "“" + content + "”" : content);
    }

    /** Feed text is untrusted: no line breaks or control characters reach the terminal. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
    }
}
