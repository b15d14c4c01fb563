package io.newshound.app.cli;

import io.newshound.app.Pipeline;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code newshound ingest}. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description =
                "Run only the ingest service, for deployments that scale the services separately.")
public final class IngestCommand extends ServiceCommand {
    @Override
    Set<Pipeline.Service> services() {
        return EnumSet.of(Pipeline.Service.INGEST);
    }
}
