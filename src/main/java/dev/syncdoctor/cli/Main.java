package dev.syncdoctor.cli;

import dev.syncdoctor.io.TerminalSafeWriter;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code syncdoctor <command>}. */
@Command(name = "syncdoctor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Diagnoses Dynamics 365 dual-write initial synchronization failures and prints an ordered action plan.",
        subcommands = {DiagnoseCommand.class, BatchCommand.class, RulesCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        ExitGuard.install(System.err);
        int code = run(args);
        // A first run after a rules change stores the compiled rules on the side: let it finish.
        dev.syncdoctor.knowledge.KnowledgeCache.awaitPendingStores();
        ExitGuard.exit(code);
    }

    /** Runs a command line and returns its exit code; the tests call this directly. */
    public static int run(String... args) {
        // Set logging up before any command starts work on a second thread (diagnose loads the rules
        // while it reads the input): two threads racing to initialise SLF4J make it print a warning.
        org.slf4j.LoggerFactory.getILoggerFactory();
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Text from inputs reaches the terminal: control characters are neutralised here, once, for all output.
        cl.setOut(new PrintWriter(new TerminalSafeWriter(cl.getOut()), true));
        cl.setErr(new PrintWriter(new TerminalSafeWriter(cl.getErr()), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A bug, not a user mistake: one line by default, the stack with --verbose.
            commandLine.getErr().println("syncdoctor: internal error: " + ex);
            if (Logging.isVerbose()) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCode.INTERNAL;
        });
        return cl;
    }
}
