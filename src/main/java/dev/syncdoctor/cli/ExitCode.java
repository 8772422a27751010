package dev.syncdoctor.cli;

/** Process exit codes, part of the CLI contract. */
public final class ExitCode {
    /** Diagnosed or healthy; for batch: every input evaluated. */
    public static final int OK = 0;
    /** batch --fail-on matched a status. */
    public static final int FAILED_ON_STATUS = 1;
    /** Usage error or unreadable input. */
    public static final int INPUT = 2;
    /** Errors present, none recognised. */
    public static final int UNKNOWN = 3;
    /** The rules did not compile, or failed while evaluating. */
    public static final int RULES = 4;
    /** An output (standard output or a file) could not be written; one line names it. */
    public static final int OUTPUT = 5;
    /** The process was ended before the command finished (a signal, or rule code that exited). */
    public static final int ENDED_EARLY = 6;

    private ExitCode() {
    }
}
