package dev.syncdoctor.io;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TerminalSafeLogEncoderTest {

    @Test
    void controlCharactersFromInputNeverReachTheTerminalRaw() {
        LoggerContext context = new LoggerContext();
        TerminalSafeLogEncoder encoder = new TerminalSafeLogEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("t"), Level.INFO, "{}: not UTF-8",
                null, new Object[] {"case\u001b]0;owned\u0007\u001b[2J.txt"});
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("INFO case\\x1b]0;owned\\x07\\x1b[2J.txt: not UTF-8\n");
    }

    @Test
    void theProgramsStderrAppenderUsesIt() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getEncoder()).isInstanceOf(TerminalSafeLogEncoder.class);
    }
}
