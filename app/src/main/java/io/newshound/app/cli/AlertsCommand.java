package io.newshound.app.cli;

import io.newshound.app.Pipeline;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code newshound alerts}. */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description =
                "Run only the alerts service, for deployments that scale the services separately.")
public final class AlertsCommand extends ServiceCommand {
    @Override
    Set<Pipeline.Service> services() {
        return EnumSet.of(Pipeline.Service.ALERTS);
    }
}
