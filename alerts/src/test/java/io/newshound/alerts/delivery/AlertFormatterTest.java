package io.newshound.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.Provenance;
import io.newshound.events.SourceType;
import io.newshound.events.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFormatterTest {
    static final Instant T0 = Instant.parse("2026-01-21T16:45:00Z");

    static Alert alert(
            String source, SourceType type, String relayedBy, String content, boolean denial) {
        Claim claim =
                new Claim(
                        Claim.SCHEMA_VERSION,
                        "a#0",
                        "fp",
                        "a",
                        "https://kyiv-ledger.example/a",
                        "Title",
                        "Kyiv Ledger",
                        T0,
                        List.of("peace-plan", "witkoff"),
                        source,
                        type,
                        relayedBy,
                        "said",
                        content,
                        false,
                        denial,
                        new Span(0, 1),
                        new Span(1, 2),
                        new Span(2, 3),
                        true,
                        null,
                        new Provenance("a#0", "Kyiv Ledger", T0, List.of("Kyiv Ledger")));
        return Alert.newClaim(claim, claim.topics(), "console", T0);
    }

    @Test
    void shouldSayWhenWhatTopicsWhoAndWhatInOneLine() {
        String line =
                new AlertFormatter(ZoneOffset.UTC)
                        .line(
                                alert(
                                        "people familiar with the matter",
                                        SourceType.ANONYMOUS,
                                        "Baltic Wire",
                                        "the draft reached Moscow in early January",
                                        false));

        assertThat(line)
                .isEqualTo(
                        "Jan 21 16:45  [peace-plan, witkoff]  people familiar with the matter (anonymous, via Baltic Wire)"
                                + " in Kyiv Ledger: the draft reached Moscow in early January");
    }

    @Test
    void shouldMarkADenial() {
        String line =
                new AlertFormatter(ZoneOffset.UTC)
                        .line(
                                alert(
                                        "a White House official",
                                        SourceType.OFFICIAL,
                                        null,
                                        "no meeting is planned",
                                        true));

        assertThat(line)
                .endsWith(
                        "a White House official (official) in Kyiv Ledger: DENIAL: no meeting is planned");
    }

    @Test
    void shouldKeepFeedTextFromBreakingTheLine() {
        String line =
                new AlertFormatter(ZoneOffset.UTC)
                        .line(
                                alert(
                                        "Reuters",
                                        SourceType.OUTLET,
                                        null,
                                        "first line\n\u001b[31mfake alert\r\nsecond",
                                        false));

        assertThat(line)
                .doesNotContain("\n", "\r", "\u001b")
                .endsWith(": first line [31mfake alert second");
    }

    @Test
    void shouldWriteADigestAsItsHeadlineThenALinePerClaim() {
        Claim first = alert("a minister", SourceType.OFFICIAL, null, "talks go on", false).claim();
        Claim second = alert("Kyiv", SourceType.ORGANIZATION, null, "no land swap", true).claim();
        Alert digest =
                Alert.digest(
                        new Alert.Digest(
                                T0, T0.plusSeconds(600), List.of(first, second), 3, "budget"),
                        List.of("peace-plan"),
                        "console",
                        T0);

        String text = new AlertFormatter(ZoneOffset.UTC).line(digest);

        assertThat(text.lines())
                .containsExactly(
                        "Over the rate budget: 3 new claims, Jan 21 16:45–16:55  [peace-plan]",
                        "  Jan 21 16:45  a minister (official) in Kyiv Ledger: talks go on",
                        "  Jan 21 16:45  Kyiv (organization) in Kyiv Ledger: DENIAL: no land swap",
                        "  and 1 more");
    }
}
