package dev.syncdoctor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Quiet by default; {@code --verbose} turns syncdoctor's own logging up to DEBUG. */
final class Logging {
    private static volatile boolean verbose;

    private Logging() {
    }

    static void setVerbose(boolean on) {
        verbose = on;
        // Set both ways: tests run several commands in one JVM, and one --verbose must not leak into the next.
        if (LoggerFactory.getLogger("dev.syncdoctor") instanceof Logger logger) {
            logger.setLevel(on ? Level.DEBUG : null);
        }
    }

    static boolean isVerbose() {
        return verbose;
    }
}
