package dev.syncdoctor.cli;

import dev.syncdoctor.io.AtomicFile;
import java.io.PrintStream;

/**
 * The exit status says whether the program finished: only {@link #exit(int)} ends the process with the
 * command's own code. If the JVM ends any other way (a rule that calls {@code System.exit(0)}, a signal),
 * a shutdown hook throws unfinished outputs away and ends the process with {@link ExitCode#ENDED_EARLY},
 * so a CI gate never reads "0" from a run that did not finish.
 */
final class ExitGuard {
    private static volatile boolean finishing;

    private ExitGuard() {
    }

    static void install(PrintStream err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finishing) {
                return;
            }
            AtomicFile.discardPending();
            err.println("syncdoctor: ended before it finished (a signal, or rule code that called System.exit);"
                    + " no output was completed"
                    + (AtomicFile.keptPending().isEmpty() ? "" : "; the records written so far are kept: run the same"
                    + " command with --resume to continue"));
            err.flush();
            Runtime.getRuntime().halt(ExitCode.ENDED_EARLY);
        }, "exit-guard"));
    }

    /** Ends the process with the command's own exit code. */
    static void exit(int code) {
        finishing = true;
        System.exit(code);
    }
}
