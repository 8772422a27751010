package dev.syncdoctor.io;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The program's log set-up, found by logback through its service loader: quiet by default (warnings
 * only; the libraries of {@link QuietLoggers} quieter still), one line per event on stderr, through
 * {@link TerminalSafeLogEncoder} because log lines quote untrusted input. Written in code rather than a
 * logback.xml because parsing XML configuration took about a tenth of a second of every start. A
 * configuration file named with {@code -Dlogback.configurationFile} still takes precedence.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ProgramLogging extends ContextAwareBase implements Configurator {
    /** What each line shows: the level, the logger's short name and the message. */
    static final String PATTERN = "%level %logger{0}: %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        TerminalSafeLogEncoder encoder = new TerminalSafeLogEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        QuietLoggers.LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
