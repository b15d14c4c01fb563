package io.newshound.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.newshound.alerts.AlertsConfig;
import io.newshound.app.config.MetricsSettings;
import io.newshound.app.config.NewshoundConfig;
import io.newshound.app.demo.SampleNewsSite;
import io.newshound.enrich.EnrichConfig;
import io.newshound.events.Alert;
import io.newshound.events.Claim;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.KafkaSettings;
import io.newshound.ingest.IngestConfig;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The three services over the bundled sample site, through a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineIT {
    static final List<String> ALL_THREE = List.of("peace-plan", "witkoff", "donbas");
    static final List<String> PLAN_AND_DONBAS = List.of("peace-plan", "donbas");

    /** What the site's first articles claim; the syndicated copies add nothing. */
    static final Tuple[] FIRST_ALERTS = {
        tuple(
                ALL_THREE,
                "two officials briefed on the preparations",
                "Steve Witkoff and Jared Kushner will take a revised version of the 20-point peace"
                        + " plan to Moscow next week"),
        tuple(
                ALL_THREE,
                "two officials briefed on the preparations",
                "The new draft leaves the question of the Donbas front line to a later meeting"
                        + " between the leaders"),
        tuple(ALL_THREE, "European diplomats", "time to study its security annex"),
        tuple(
                ALL_THREE,
                "a senior Ukrainian negotiator",
                "We are closer than we have been at any point this year, but the territorial"
                        + " chapter is still open"),
        tuple(
                PLAN_AND_DONBAS,
                "a person familiar with the talks",
                "Russia has told US mediators it will agree to a ceasefire only if Ukraine"
                        + " withdraws its troops from the part of the Donetsk region it still holds"),
        tuple(
                PLAN_AND_DONBAS,
                "Kyiv",
                "the current line of contact be frozen and that international monitors patrol a"
                        + " buffer zone on both sides"),
        tuple(
                PLAN_AND_DONBAS,
                "Ukrainian President Volodymyr Zelensky",
                "Ukraine would not withdraw from land its army still defends"),
        tuple(
                PLAN_AND_DONBAS,
                "Ukraine’s foreign ministry",
                "any ceasefire in Donbas must be verified by international monitors on both sides"
                        + " of the line"),
        tuple(
                PLAN_AND_DONBAS,
                "a ministry spokesman",
                "Kyiv had shared its proposal with European partners before sending it to"
                        + " Washington"),
        tuple(
                PLAN_AND_DONBAS,
                "a survey by a Kyiv think tank",
                "Residents of Kramatorsk fear a frozen front line more than the shelling itself")
    };

    /** What the articles released later claim; the re-report of the wire story adds nothing. */
    static final Tuple[] LATER_ALERTS = {
        tuple(
                List.of("witkoff"),
                "a Kremlin spokesperson",
                "no date had been agreed for a meeting between President Vladimir Putin and the US"
                        + " envoys"),
        tuple(
                List.of("witkoff"),
                "a Kremlin spokesperson",
                "Witkoff’s last visit to Moscow ended without a joint statement")
    };

    @TempDir Path dataDir;

    @Test
    void shouldAlertOnceOnEachNewClaimOfTheSampleSiteAndNotAgainAfterARestart(KafkaSettings kafka) {
        List<String> printed = new CopyOnWriteArrayList<>();
        try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0, false);
                TopicReader<String, Alert> alerts =
                        new TopicReader<>(kafka, kafka.topics().alerts());
                TopicReader<String, Claim> claims =
                        new TopicReader<>(kafka, kafka.topics().claims());
                TopicReader<String, EnrichedArticle> enriched =
                        new TopicReader<>(kafka, kafka.topics().enriched())) {
            NewshoundConfig config = config(kafka, site);

            try (Pipeline pipeline =
                    Pipeline.start(config, EnumSet.allOf(Pipeline.Service.class), printed::add)) {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> alerts.records().size() >= FIRST_ALERTS.length);
                assertThat(alertsOf(alerts.pollFor(Duration.ofSeconds(2))))
                        .extracting(
                                a -> a.topics(), a -> a.claim().source(), a -> a.claim().content())
                        .containsExactlyInAnyOrder(FIRST_ALERTS);

                site.releaseAll();

                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () ->
                                        alerts.records().size()
                                                        >= FIRST_ALERTS.length + LATER_ALERTS.length
                                                && claims.values().stream()
                                                        .anyMatch(
                                                                c ->
                                                                        c.outlet()
                                                                                .equals(
                                                                                        "Northern Courier")));
                List<Alert> all = alertsOf(alerts.pollFor(Duration.ofSeconds(3)));
                List<Tuple> expected = new ArrayList<>(List.of(FIRST_ALERTS));
                expected.addAll(List.of(LATER_ALERTS));
                assertThat(all)
                        .extracting(
                                a -> a.topics(), a -> a.claim().source(), a -> a.claim().content())
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(printed).hasSameSizeAs(all);
                Claim reReport =
                        claims.values().stream()
                                .filter(c -> c.outlet().equals("Northern Courier"))
                                .findFirst()
                                .orElseThrow();
                assertThat(reReport.novel()).isFalse();
                assertThat(reReport.provenance().firstReportedBy())
                        .isIn("Baltic Wire", "Kyiv Ledger", "Danube Post");
                assertThat(reReport.provenance().outlets()).contains("Northern Courier");
                assertThat(enriched.values()).filteredOn(EnrichedArticle::isDuplicate).hasSize(2);
            }
            int articlesBefore = enriched.records().size();

            try (Pipeline restarted =
                    Pipeline.start(config, EnumSet.allOf(Pipeline.Service.class), printed::add)) {
                // Ingest resumes from its state in Kafka and polls every feed again (conditional
                // requests): nothing is republished, claimed or alerted.
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> polls(restarted) >= 2 * site.feeds().size());
                assertThat(enriched.pollFor(Duration.ofSeconds(2))).hasSize(articlesBefore);
                assertThat(alerts.pollFor(Duration.ofSeconds(3)))
                        .hasSize(FIRST_ALERTS.length + LATER_ALERTS.length);
                assertThat(printed).hasSize(FIRST_ALERTS.length + LATER_ALERTS.length);
            }
        }
    }

    NewshoundConfig config(KafkaSettings kafka, SampleNewsSite site) {
        return new NewshoundConfig(null, null, null, null, null, null, null)
                .withKafka(kafka)
                .withDataDir(dataDir)
                .withMetrics(MetricsSettings.defaults().withPort(0))
                .withIngest(
                        IngestConfig.of(site.feeds())
                                .withPollInterval(Duration.ofMillis(500))
                                .withPrivateAddresses(true)
                                .withPerHost(8, Duration.ZERO))
                .withEnrich(EnrichConfig.defaults())
                .withAlerts(AlertsConfig.defaults());
    }

    static double polls(Pipeline pipeline) {
        return pipeline.registry().find("newshound.feed.polls").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    static List<Alert> alertsOf(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, Alert>> records) {
        return records.stream().map(r -> r.value()).toList();
    }
}
