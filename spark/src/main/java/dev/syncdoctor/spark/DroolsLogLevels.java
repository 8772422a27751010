package dev.syncdoctor.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The log levels the CLI's logging configuration sets for Drools, applied to Spark's log4j on the driver
 * and on every executor: Spark logs at INFO, at which Drools reports every compile and session in each
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
        levels.put("org.drools", Level.WARN);
        levels.put("org.kie", Level.WARN);
        // The same exceptions as the CLI's log set-up (ProgramLogging): warnings that are known and reported otherwise.
        levels.put("org.drools.compiler.kie.builder.impl.KieBuilderImpl", Level.ERROR);
        levels.put("org.drools.compiler.kie.builder.impl.KieProject", Level.OFF);
        levels.put("org.drools.compiler.kie.builder.impl.AbstractKieProject", Level.OFF);
        levels.put("org.drools.compiler.kie.builder.impl.KieContainerImpl", Level.ERROR);
        levels.put("org.drools.base.rule.EvalCondition", Level.ERROR);
        levels.put("org.apache.poi", Level.ERROR);
        try {
            Configurator.setLevel(levels);
        } catch (LinkageError | RuntimeException e) {
            // Another logging back end (or none): its own configuration decides.
        }
    }
}
