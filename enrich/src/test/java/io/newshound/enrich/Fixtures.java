package io.newshound.enrich;

import io.newshound.enrich.topics.TopicRule;
import io.newshound.events.Article;
import java.time.Instant;
import java.util.List;

/** Articles written for these tests; the outlets are fictional. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-01-21T09:00:00Z");

    static final List<TopicRule> TOPICS =
            List.of(
                    new TopicRule(
                            "peace-plan", List.of("peace plan", "peace deal", "20-point plan")),
                    new TopicRule("witkoff", List.of("Witkoff", "Віткофф", "Уиткофф")),
                    new TopicRule("donbas", List.of("Donbas", "Donbass", "Donetsk", "Донбас")));

    static final String WIRE_STORY =
            "Envoys weigh Moscow trip\n\n"
                    + "Steve Witkoff is preparing to fly to Moscow within days to present a revised"
                    + " peace plan, Baltic Wire reports, citing two officials briefed on the trip.\n\n"
                    + "The draft keeps the ceasefire line in Donbas frozen while talks on territory"
                    + " continue, the officials said.\n\n"
                    + "A Kremlin spokesperson said that no date for a meeting had been agreed.";

    private Fixtures() {}

    static Article article(String id, String outlet, String title, String text, Instant at) {
        return Article.of(
                id,
                "https://" + outlet.toLowerCase().replace(' ', '-') + ".example/" + id,
                "https://" + outlet.toLowerCase().replace(' ', '-') + ".example/rss.xml",
                outlet,
                null,
                title,
                null,
                at,
                at,
                "en",
                text);
    }

    /** The wire story as published by {@code outlet}, body separated from its headline. */
    static Article wireCopy(String id, String outlet, Instant at) {
        String[] parts = WIRE_STORY.split("\n\n", 2);
        return article(id, outlet, parts[0], parts[1], at);
    }
}
