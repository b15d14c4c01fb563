package io.newshound.app.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.alerts.AlertsConfig;
import io.newshound.app.Pipeline;
import io.newshound.app.config.MetricsSettings;
import io.newshound.app.config.NewshoundConfig;
import io.newshound.app.demo.SampleNewsSite;
import io.newshound.enrich.EnrichConfig;
import io.newshound.ingest.IngestConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newshound demo}: the whole pipeline on a bundled sample site, with an embedded broker,
 * printing alerts as they arrive.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start an embedded Kafka broker and a sample news site of fictional outlets, run"
                    + " ingest, enrich and alerts on it, and print each new sourced claim as it"
                    + " arrives. Ctrl-C stops everything."
        })
public final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Keep the broker's data and the services' state here; a second run over the"
                            + " same directory alerts nothing new. Default: a temporary directory,"
                            + " deleted on exit.")
    Path dataDir;

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "Port of /metrics and /health (default: a free port).")
    int metricsPort;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How often the sample feeds are polled (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(
            names = "--stop-after",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop after this long (e.g. 60s) instead of waiting for Ctrl-C.")
    Duration stopAfter;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log in detail, Kafka's logs included.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Logging.configure("WARN", verbose);
        // The demo's state lives in a temporary directory on purpose.
        Logging.quiet("org.apache.kafka.streams.processor.internals.StateDirectory");
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dataDir == null;
        Path dir =
                temporary ? Files.createTempDirectory("newshound-demo-") : dataDir.toAbsolutePath();
        Shutdown shutdown = new Shutdown();
        try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0, true)) {
            NewshoundConfig config =
                    new NewshoundConfig(null, null, null, null, null, null, null)
                            .withDataDir(dir)
                            .withMetrics(MetricsSettings.defaults().withPort(metricsPort))
                            .withIngest(
                                    IngestConfig.of(site.feeds())
                                            .withPollInterval(pollInterval)
                                            // The sample site is on localhost, and ours.
                                            .withPrivateAddresses(true)
                                            .withPerHost(8, Duration.ZERO))
                            .withEnrich(EnrichConfig.defaults())
                            .withAlerts(AlertsConfig.defaults());
            out.println("Newshound demo: fictional outlets' feeds through a real Kafka broker");
            try (Pipeline pipeline =
                    Pipeline.start(config, EnumSet.allOf(Pipeline.Service.class), out::println)) {
                out.printf(
                        "  Kafka     %s (embedded; data in %s%s)%n",
                        pipeline.bootstrapServers(), dir, temporary ? ", deleted on exit" : "");
                out.printf("  Site      %s (%d feeds)%n", site.base(), site.feeds().size());
                out.printf(
                        "  Metrics   %s/metrics   Health %s/health%n",
                        pipeline.adminUrl(), pipeline.adminUrl());
                out.println("Watching for new sourced claims. Ctrl-C stops.");
                out.println();
                out.flush();
                shutdown.await(stopAfter);
                out.println();
                out.println(summary(pipeline.registry()));
                out.flush();
            }
        } finally {
            if (temporary) {
                deleteRecursively(dir);
            }
            shutdown.done();
        }
        return 0;
    }

    static String summary(MeterRegistry registry) {
        return String.format(
                "Stopped. %d articles, %d duplicates, %d claims (%d new, %d repeated), %d alerts.",
                (long) sum(registry, "newshound.ingest.articles.published", null, null),
                (long) sum(registry, "newshound.enrich.duplicates", null, null),
                (long) sum(registry, "newshound.claims", null, null),
                (long) sum(registry, "newshound.claims", "novelty", "new"),
                (long) sum(registry, "newshound.claims", "novelty", "repeat"),
                (long) sum(registry, "newshound.alerts", "outcome", "delivered"));
    }

    private static double sum(MeterRegistry registry, String name, String tag, String value) {
        var search = registry.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
