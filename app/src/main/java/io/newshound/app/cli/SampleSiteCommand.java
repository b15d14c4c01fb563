package io.newshound.app.cli;

import io.newshound.app.demo.SampleNewsSite;
import io.newshound.ingest.FeedSource;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newshound sample-site}: serves the demo's fictional news site on its own. */
@Command(
        name = "sample-site",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the demo's sample news site (fictional outlets' feeds and articles, some"
                    + " released over the first minutes) until Ctrl-C, and print its feed URLs."
                    + " For trying a deployment, such as docker-compose.yml, without real feeds."
        })
public final class SampleSiteCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description =
                    "How readers reach the site (e.g. http://site:8080 in a compose network);"
                            + " default: the address it listens on.")
    URI publicUrl;

    @Override
    public Integer call() throws Exception {
        Shutdown shutdown = new Shutdown();
        try (SampleNewsSite site = SampleNewsSite.start(host, port, true, publicUrl)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Sample news site at " + site.base() + "; feeds:");
            for (FeedSource feed : site.feeds()) {
                out.println("  " + feed.url() + "  " + feed.name());
            }
            out.flush();
            shutdown.await(null);
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
