package io.newshound.alerts.delivery;

import io.newshound.events.Alert;
import io.newshound.events.Claim;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders an alert's parts in plain text: as one line for a terminal or a log, and piece by piece
 * for channels that lay them out themselves. Feed text is untrusted: every piece is on one line,
 * without control characters; each channel escapes them further for its own markup.
 */
public final class AlertFormatter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final int MAX_CONTENT = 220;

    private final ZoneId zone;

    public AlertFormatter(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * {@code Jan 21 18:45 [peace-plan, witkoff] people familiar with the matter (anonymous, via
     * Bloomberg) in Kyiv Ledger: the US handed Putin a draft peace plan}; a digest is its headline
     * and period, then a line per claim.
     */
    public String line(Alert alert) {
        if (alert.digest() != null) {
            StringBuilder lines =
                    new StringBuilder(headline(alert))
                            .append(", ")
                            .append(period(alert.digest()))
                            .append("  ")
                            .append(alert.topics());
            for (Claim c : alert.digest().claims()) {
                lines.append("\n  ").append(time(c)).append("  ").append(line(c));
            }
            if (alert.digest().omitted() > 0) {
                lines.append("\n  and ").append(alert.digest().omitted()).append(" more");
            }
            return lines.toString();
        }
        return time(alert.claim()) + "  " + alert.topics() + "  " + line(alert.claim());
    }

    /** Who claims what, where, on one line. */
    private String line(Claim c) {
        return who(c)
                + " in "
                + oneLine(c.outlet())
                + (c.denial() ? ": DENIAL: " : ": ")
                + content(c, MAX_CONTENT);
    }

    /** {@code people familiar with the matter (anonymous, via Bloomberg)} */
    public String who(Claim c) {
        StringBuilder who =
                new StringBuilder(oneLine(c.source())).append(" (").append(c.sourceType().label());
        if (c.relayedBy() != null
                && !c.relayedBy().equalsIgnoreCase(c.source())
                && !c.relayedBy().equalsIgnoreCase(c.outlet())) {
            who.append(", via ").append(oneLine(c.relayedBy()));
        }
        return who.append(')').toString();
    }

    /** The claim's content on one line, in quotation marks when quoted, cut at {@code max}. */
    public String content(Claim c, int max) {
        String content = oneLine(c.content());
        if (content.length() > max) {
            content = content.substring(0, max - 1) + "…";
        }
        return c.quote() ? "“" + content + "”" : content;
    }

    /**
     * {@code New claim}, {@code New denial} or {@code Re-reported}; for a digest {@code Hourly
     * digest: 14 new claims}, {@code Daily digest: …}, or {@code Over the rate budget: …}.
     */
    public String headline(Alert alert) {
        Alert.Digest d = alert.digest();
        if (d != null) {
            String what = d.total() == 1 ? "1 new claim" : d.total() + " new claims";
            return switch (d.reason()) {
                case "hourly" -> "Hourly digest: " + what;
                case "daily" -> "Daily digest: " + what;
                default -> "Over the rate budget: " + what;
            };
        }
        if (alert.kind() == Alert.Kind.RE_REPORT) {
            return "Re-reported";
        }
        return alert.claim().denial() ? "New denial" : "New claim";
    }

    /** The period a digest covers: {@code Nov 22 10:00–11:00}, or two dates when it spans days. */
    public String period(Alert.Digest d) {
        var from = d.from().atZone(zone);
        var to = d.to().atZone(zone);
        return TIME.format(from)
                + "–"
                + (from.toLocalDate().equals(to.toLocalDate()) ? HOUR.format(to) : TIME.format(to));
    }

    /** The article's publication time in this formatter's zone: {@code Jan 21 18:45}. */
    public String time(Alert alert) {
        return time(alert.claim());
    }

    /** The article's publication time in this formatter's zone: {@code Jan 21 18:45}. */
    public String time(Claim c) {
        return TIME.format(c.published().atZone(zone));
    }

    /** How many outlets carry the claim so far, 1 at least. */
    public static int outlets(Claim c) {
        return c.provenance() == null ? 1 : Math.max(1, c.provenance().outlets().size());
    }

    /** The article's link when it is an http(s) URL a reader may follow, else null. */
    public static String link(Claim c) {
        String url = c.articleUrl();
        return url.startsWith("https://") || url.startsWith("http://") ? url : null;
    }

    /** Feed text is untrusted: no line breaks or control characters reach the terminal. */
    public static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
    }
}
