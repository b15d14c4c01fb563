package io.newshound.app.cli;

import io.newshound.app.config.ConfigException;
import io.newshound.app.config.ConfigLoader;
import io.newshound.app.config.NewshoundConfig;
import io.newshound.events.KafkaSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option of the tools that talk to a running deployment's Kafka. */
final class Cluster {
    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = "newshound.yml",
            description =
                    "Configuration file naming the Kafka cluster (default: ${DEFAULT-VALUE}).")
    Path config;

    /**
     * The deployment's Kafka: the configured cluster, or the embedded broker of a running {@code
     * newshound run} when it listens on a fixed port.
     */
    KafkaSettings kafka() {
        NewshoundConfig loaded = ConfigLoader.load(config);
        if (!loaded.needsEmbeddedBroker()) {
            return loaded.kafka();
        }
        int port = loaded.broker().port();
        if (port == 0) {
            throw new ConfigException(
                    config
                            + ": no kafka.bootstrap-servers, and the embedded broker's port is 0"
                            + " (chosen at start); set one of them to reach it");
        }
        return loaded.kafka().withBootstrapServers(loaded.broker().host() + ":" + port);
    }
}
