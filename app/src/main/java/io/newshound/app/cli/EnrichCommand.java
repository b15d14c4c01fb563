package io.newshound.app.cli;

import io.newshound.app.Pipeline;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code newshound enrich}. */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description =
                "Run only the enrich service, for deployments that scale the services separately.")
public final class EnrichCommand extends ServiceCommand {
    @Override
    Set<Pipeline.Service> services() {
        return EnumSet.of(Pipeline.Service.ENRICH);
    }
}
