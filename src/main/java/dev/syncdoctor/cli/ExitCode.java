package dev.syncdoctor.cli;

/**
 * Process exit codes of every command, part of the CLI contract (the table in README.md "Exit codes").
 * A command returns the most telling code that applies.
 */
public final class ExitCode {
    /** Diagnosed or healthy; for batch: every input evaluated. */
    public static final int OK = 0;
    /** batch: a record has a status named by --fail-on. */
    public static final int FAILED_ON_STATUS = 1;
    /** rules test: an example did not give its expected result. */
    public static final int EXAMPLES_FAILED = 1;
    /** Usage error or unreadable input. */
    public static final int INPUT = 2;
    /** Errors present, none recognised. */
    public static final int UNKNOWN = 3;
    /** The rules did not compile, failed while evaluating, or rules check found a problem. */
    public static final int RULES = 4;
    /** An output (standard output or a file) could not be written; one line names it. */
    public static final int OUTPUT = 5;
    /** The process was ended before the command finished (a signal, or rule code that exited). */
    public static final int ENDED_EARLY = 6;
    /** diagnose: some cases of the input (CSV rows, JSON lines) could not be read; the others were diagnosed. */
    public static final int PARTLY_UNREADABLE = 7;
    /** A bug, not a user mistake: one line, the stack trace with --verbose. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
