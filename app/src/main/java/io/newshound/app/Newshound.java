package io.newshound.app;

import io.newshound.app.cli.AlertsCommand;
import io.newshound.app.cli.AnalyzeCommand;
import io.newshound.app.cli.DedupCommand;
import io.newshound.app.cli.DemoCommand;
import io.newshound.app.cli.EnrichCommand;
import io.newshound.app.cli.ExtractCommand;
import io.newshound.app.cli.FeedCommand;
import io.newshound.app.cli.FeedsCommand;
import io.newshound.app.cli.IngestCommand;
import io.newshound.app.cli.Logging;
import io.newshound.app.cli.ReplayCommand;
import io.newshound.app.cli.RunCommand;
import io.newshound.app.cli.SampleSiteCommand;
import io.newshound.app.cli.TopicsCommand;
import io.newshound.app.config.ConfigException;
import io.newshound.events.DeadLetters;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newshound} command line. */
@Command(
        name = "newshound",
        mixinStandardHelpOptions = true,
        versionProvider = Newshound.Version.class,
        description = "Streaming news monitoring: feeds in, new sourced claims out.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            IngestCommand.class,
            EnrichCommand.class,
            AlertsCommand.class,
            ExtractCommand.class,
            DedupCommand.class,
            AnalyzeCommand.class,
            FeedCommand.class,
            FeedsCommand.class,
            ReplayCommand.class,
            TopicsCommand.class,
            SampleSiteCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Newshound implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The log format, for every command; the environment's when the flag is not given. */
    @CommandLine.Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            scope = CommandLine.ScopeType.INHERIT,
            description =
                    "Logs on standard error as 'plain' lines (default) or 'json', one object per"
                            + " line for log shippers; also NEWSHOUND_LOG_FORMAT.")
    void logFormat(String format) {
        Logging.format(format);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        String fromEnvironment = System.getenv("NEWSHOUND_LOG_FORMAT");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            try {
                Logging.format(fromEnvironment);
            } catch (IllegalArgumentException e) {
                System.err.println("newshound: NEWSHOUND_LOG_FORMAT: " + e.getMessage());
                System.exit(CommandLine.ExitCode.USAGE);
            }
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /** Runs the command line; returns the exit status (2 for usage and configuration errors). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Newshound());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(
                (ex, arguments) -> {
                    CommandLine command = ex.getCommandLine();
                    err.println(
                            "newshound: "
                                    + oneLine(ex.getMessage())
                                    + " (try '"
                                    + command.getCommandSpec().qualifiedName()
                                    + " --help')");
                    return CommandLine.ExitCode.USAGE;
                });
        cli.setExecutionExceptionHandler(
                (ex, command, parseResult) -> {
                    if (ex instanceof ConfigException) {
                        err.println("newshound: " + oneLine(ex.getMessage()));
                        return CommandLine.ExitCode.USAGE;
                    }
                    LoggerFactory.getLogger(Newshound.class).debug("command failed", ex);
                    err.println("newshound: " + oneLine(DeadLetters.reason(ex)));
                    return CommandLine.ExitCode.SOFTWARE;
                });
        return cli.execute(args);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Newshound.class.getPackage().getImplementationVersion();
            return new String[] {"newshound " + (v == null ? "(development build)" : v)};
        }
    }
}
