package io.newshound.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.app.Newshound;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo command as a user runs it: embedded broker, sample site, alerts on standard output. */
class DemoCommandIT {

    @Test
    void shouldPrintWhereThingsAreThenOneLinePerNewClaimThenASummary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status =
                Newshound.execute(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        "demo",
                        "--stop-after",
                        "40s",
                        "--poll-interval",
                        "1s");

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Arrays.asList(out.toString().split("\\R"));
        assertThat(lines.get(0)).startsWith("Newshound demo");
        assertThat(lines)
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .matches(
                                                "  Kafka     127\\.0\\.0\\.1:\\d+ \\(embedded; data in .*, deleted on exit\\)"));
        assertThat(lines)
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .matches(
                                                "  Metrics   http://127\\.0\\.0\\.1:\\d+/metrics .*"));
        List<String> alerts = lines.stream().filter(l -> l.contains("  [")).toList();
        // Ten claims on the first articles and two on one released after 20 s; the two
        // syndicated copies and the re-report of the wire story add none. The article on no
        // followed topic gives no claim: it would not be alerted.
        assertThat(alerts).hasSize(12);
        assertThat(alerts)
                .filteredOn(l -> l.contains("20-point peace plan to Moscow next week"))
                .hasSize(1);
        assertThat(lines.get(lines.size() - 1))
                .matches(
                        "Stopped\\. 9 articles, 2 duplicates, 13 claims \\(12 new, 1 repeated\\), 12 alerts\\.");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }
}
