package dev.syncdoctor.cli;

import java.io.PrintWriter;

/**
 * Checked writes to standard output. {@code PrintWriter} and {@code System.out} swallow write errors (a full
 * disk behind {@code > file}, {@code /dev/full}, a closed pipe): a command that printed its result calls
 * {@link #check} so such a failure is an error with its own exit code, never a silent exit 0.
 */
final class StandardOutput {
    private StandardOutput() {
    }

    /** Flushes {@code out}; throws {@link ExitCode#OUTPUT} when anything written to it was lost. */
    static void check(PrintWriter out) throws CommandFailure {
        if (failed(out)) {
            throw new CommandFailure(ExitCode.OUTPUT, "standard output: cannot write (disk full, or the reader went away)");
        }
    }

    /** Whether a write to {@code out} (or to the process's standard output under it) failed. */
    static boolean failed(PrintWriter out) {
        out.flush();
        return out.checkError() || System.out.checkError();
    }
}
