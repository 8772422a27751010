package dev.syncdoctor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard input as an input. When a program is started with standard input closed ({@code <&-}), the
 * JVM's first opened file takes descriptor 0, and reading "standard input" reads that file (the JVM's own
 * class library): such a stdin is refused instead of read.
 */
final class StandardInput {
    private StandardInput() {
    }

    static void checkOpen() throws CommandFailure {
        Path fd0 = Path.of("/proc/self/fd/0");
        if (!Files.exists(Path.of("/proc/self/fd"))) {
            return; // no way to look here; nothing known to be wrong
        }
        try {
            if (!Files.exists(fd0, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw closed();
            }
            Path target = Files.readSymbolicLink(fd0);
            Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
            if (target.isAbsolute() && target.startsWith(javaHome)) {
                throw closed();
            }
        } catch (IOException | UnsupportedOperationException e) {
            // cannot tell: read it and let a read error speak
        }
    }

    private static CommandFailure closed() {
        return new CommandFailure(ExitCode.INPUT, "-: standard input is closed; give the input on standard input or name a file");
    }
}
