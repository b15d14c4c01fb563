package io.newshound.app.cli;

import io.newshound.alerts.AlertsApp;
import io.newshound.app.config.ConfigLoader;
import io.newshound.app.config.NewshoundConfig;
import io.newshound.enrich.EnrichApp;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.ingest.IngestApp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newshound topics}: creates every topic of the three services, then exits. */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = {
            "Create the topics of ingest, enrich and alerts on the configured broker (partitions,"
                    + " replication and compaction as the services would), and list them. Topics"
                    + " that exist are left as they are. For deployments that create topics"
                    + " before the services start."
        })
public final class TopicsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = "newshound.yml",
            description = "Configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Override
    public Integer call() {
        NewshoundConfig loaded = ConfigLoader.load(config);
        if (loaded.needsEmbeddedBroker()) {
            spec.commandLine()
                    .getErr()
                    .println("newshound topics: " + config + " names no kafka.bootstrap-servers");
            return 2;
        }
        KafkaSettings kafka = loaded.kafka();
        Map<String, EventTopic<?, ?>> all = new LinkedHashMap<>();
        for (var topics :
                java.util.List.of(
                        IngestApp.topics(kafka),
                        EnrichApp.topics(kafka),
                        AlertsApp.topics(kafka))) {
            topics.forEach(t -> all.putIfAbsent(t.name(), t));
        }
        TopicAdmin.ensureTopics(kafka, all.values());
        PrintWriter out = spec.commandLine().getOut();
        all.values().forEach(t -> out.println(t.name() + (t.compacted() ? "  (compacted)" : "")));
        return 0;
    }
}
