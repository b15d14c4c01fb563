package io.newshound.app.cli;

import io.newshound.app.Pipeline;
import io.newshound.app.config.ConfigLoader;
import io.newshound.app.config.NewshoundConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs some of the services against the broker and feeds of a configuration file. */
abstract class ServiceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = "newshound.yml",
            description = "Configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(
            names = "--stop-after",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop after this long (e.g. 90s) instead of waiting for Ctrl-C.")
    Duration stopAfter;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log in detail, Kafka's logs included.")
    boolean verbose;

    abstract Set<Pipeline.Service> services();

    @Override
    public Integer call() throws Exception {
        Logging.configure("INFO", verbose);
        NewshoundConfig loaded = ConfigLoader.load(config);
        PrintWriter out = spec.commandLine().getOut();
        Shutdown shutdown = new Shutdown();
        try (Pipeline pipeline = Pipeline.start(loaded, services(), line -> out.println(line))) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "newshound %s: Kafka at %s, metrics at %s/metrics%n",
                            spec.name(), pipeline.bootstrapServers(), pipeline.adminUrl());
            shutdown.await(stopAfter);
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
