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
        if (on && LoggerFactory.getLogger("dev.syncdoctor") instanceof Logger logger) {
            logger.setLevel(Level.DEBUG);
        }
    }

    static boolean isVerbose() {
        return verbose;
    }
}
