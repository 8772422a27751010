package dev.syncdoctor.io;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * The log encoder of the program's stderr appender: log lines quote file names, case ids and rule
 * messages taken from untrusted input, so control characters in them are neutralised as
 * {@link TerminalSafeWriter} does for everything else the program prints.
 */
public final class TerminalSafeLogEncoder extends PatternLayoutEncoder {
    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = getLayout().doLayout(event);
        return TerminalSafeWriter.neutralise(line).getBytes(getCharset() == null ? StandardCharsets.UTF_8 : getCharset());
    }
}
