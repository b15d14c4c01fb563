package io.newshound.app.cli;

import io.newshound.events.FeedDefinition;
import io.newshound.events.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table {@code feeds status} prints: one row per feed, failing feeds first. */
final class FeedsTable {
    private FeedsTable() {}

    static String render(
            Map<String, FeedDefinition> feeds, Map<String, FeedState> states, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(
                new String[] {
                    "FEED", "LAST SUCCESS", "ERRORS", "LAST OUTCOME", "NEXT POLL", "LAST ERROR"
                });
        List<FeedDefinition> sorted = new ArrayList<>(feeds.values());
        sorted.sort(
                (a, b) -> {
                    int ea = errors(states.get(a.id()));
                    int eb = errors(states.get(b.id()));
                    return ea != eb ? Integer.compare(eb, ea) : a.label().compareTo(b.label());
                });
        for (FeedDefinition feed : sorted) {
            FeedState s = states.get(feed.id());
            rows.add(
                    new String[] {
                        feed.label(),
                        s == null ? "never polled" : ago(s.lastSuccessAt(), now),
                        s == null ? "0" : Integer.toString(s.consecutiveErrors()),
                        s == null || s.lastOutcome() == null ? "-" : s.lastOutcome(),
                        s == null
                                ? "due"
                                : s.retired() ? "retired (410 Gone)" : in(s.nextPollAt(), now),
                        s == null || s.lastError() == null || s.consecutiveErrors() == 0
                                ? ""
                                : s.lastError()
                    });
        }
        int[] widths = new int[6];
        for (String[] row : rows) {
            for (int i = 0; i < 5; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < 6; i++) {
                out.append(i < 5 ? String.format("%-" + widths[i] + "s  ", row[i]) : row[i]);
            }
            out.append('\n');
        }
        out.append(feeds.size())
                .append(" feeds, ")
                .append(feeds.keySet().stream().filter(id -> errors(states.get(id)) > 0).count())
                .append(" failing");
        return out.toString();
    }

    private static int errors(FeedState s) {
        return s == null ? 0 : s.consecutiveErrors();
    }

    static String ago(Instant then, Instant now) {
        return then == null ? "never" : human(Duration.between(then, now)) + " ago";
    }

    static String in(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        return d.isNegative() ? "due" : "in " + human(d);
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        if (s < 172800) {
            return s / 3600 + " h";
        }
        return s / 86400 + " d";
    }
}
