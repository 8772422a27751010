package dev.syncdoctor.cli;

/** A user-facing failure: one line for stderr and the exit code that goes with it. */
final class CommandFailure extends Exception {
    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
