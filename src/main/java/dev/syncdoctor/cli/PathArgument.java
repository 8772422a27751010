package dev.syncdoctor.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A path given on the command line. Java decodes file names with the locale's charset: under C/POSIX a non-ASCII name cannot be named. */
final class PathArgument {
    private PathArgument() {
    }

    static Path of(String arg) throws CommandFailure {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            throw new CommandFailure(ExitCode.INPUT, arg + ": this file name cannot be used under the current locale ("
                    + System.getProperty("sun.jnu.encoding", "unknown charset") + "); run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
        }
    }
}
