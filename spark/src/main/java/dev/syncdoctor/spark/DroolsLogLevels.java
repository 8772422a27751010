package dev.syncdoctor.spark;

import dev.syncdoctor.io.QuietLoggers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The log levels the CLI sets for Drools and the other libraries ({@link QuietLoggers}), applied to
 * Spark's log4j on the driver and on every executor: Spark logs at INFO, at which Drools reports every compile and session in each
 * executor's log. Only the levels of these loggers change; Spark's own configuration stays as the
 * cluster set it.
 */
final class DroolsLogLevels {
    private static volatile boolean applied;

    private DroolsLogLevels() {
    }

    /** Sets the levels once per JVM; on a cluster whose logging is not log4j 2, leaves it alone. */
    static void apply() {
        if (applied) {
            return;
        }
        applied = true;
        Map<String, Level> levels = new LinkedHashMap<>();
        QuietLoggers.LEVELS.forEach((name, level) -> levels.put(name, Level.toLevel(level)));
        try {
            Configurator.setLevel(levels);
        } catch (LinkageError | RuntimeException e) {
            // Another logging back end (or none): its own configuration decides.
        }
    }
}
