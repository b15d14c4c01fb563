package io.newshound.app.cli;

import io.newshound.app.Pipeline;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code newshound run}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "Run ingest, enrich and alerts in one process against the configured broker and feeds (an embedded broker when none is configured).")
public final class RunCommand extends ServiceCommand {
    @Override
    Set<Pipeline.Service> services() {
        return EnumSet.allOf(Pipeline.Service.class);
    }
}
