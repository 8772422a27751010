package dev.syncdoctor.io;

import java.util.Map;

/**
 * The libraries' loggers the program keeps quieter than its default, with their levels (logback and
 * log4j names alike): the CLI's log set-up ({@link ProgramLogging}) and the Spark job apply the same list.
 */
public final class QuietLoggers {
    /** Logger name to level name. */
    public static final Map<String, String> LEVELS = Map.of(
            "org.drools", "WARN",
            "org.kie", "WARN",
            // Package/folder warnings for rules outside a package path are noise for a folder loaded at run time.
            "org.drools.compiler.kie.builder.impl.KieBuilderImpl", "ERROR",
            // These repeat build errors that syncdoctor already reports as file:line:col.
            "org.drools.compiler.kie.builder.impl.KieProject", "OFF",
            "org.drools.compiler.kie.builder.impl.AbstractKieProject", "OFF",
            "org.drools.compiler.kie.builder.impl.KieContainerImpl", "ERROR",
            // Decision-table rows use eval for optional conditions on a bound error; the advice is known.
            "org.drools.base.rule.EvalCondition", "ERROR",
            "org.apache.poi", "ERROR");

    private QuietLoggers() {
    }
}
