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
                    TopicRule.of(
                            "peace-plan", "\"peace plan\" OR \"peace deal\" OR \"20-point plan\""),
                    TopicRule.of("witkoff", "Witkoff OR Віткофф OR Уиткофф"),
                    TopicRule.of("donbas", "Donbas OR Donbass OR Donetsk OR Донбас"));

    static final String WIRE_STORY =
            "Envoys weigh Moscow trip\n\n"
                    + "Steve Witkoff is preparing to fly to Moscow within days to present a revised"
                    + " peace plan, Baltic Wire reports, citing two officials briefed on the trip.\n\n"
                    + "The draft keeps the ceasefire line in Donbas frozen while talks on territory"
                    + " continue, the officials said.\n\n"
                    + "A Kremlin spokesperson said that no date for a meeting had been agreed.";

    /** Another site's page furniture, wrapped around a copy of the wire story. */
    static final String BOILERPLATE_HEAD =
            "Home | World | Business | Opinion | Sign in to read later. Most read today: city"
                    + " council approves the new tram depot; heating season starts early in the"
                    + " north; the national team names its squad for the spring qualifiers; a"
                    + " museum reopens its medieval hall after two years of repairs.";

    static final String BOILERPLATE_TAIL =
            "Related coverage: Grain exports through the Danube ports rose for a third month."
                    + " Subscribe to our morning briefing for the stories that matter, delivered"
                    + " before breakfast. Comments are closed for this article. Copyright the"
                    + " publisher, all rights reserved; reproduction only with written permission.";

    /** A different article on the same events: shares names and words, not the text. */
    static final String OTHER_STORY =
            "Ukraine's negotiators met European security advisers in Berlin on Tuesday to compare"
                    + " notes before the next round with the American envoy. Diplomats at the"
                    + " meeting said the Europeans pressed for firm guarantees before any line in"
                    + " the east is frozen, and that Kyiv asked for air defence to be part of any"
                    + " agreement. Witkoff was not present, and no statement followed the talks.";

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
