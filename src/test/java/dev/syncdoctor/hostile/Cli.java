package dev.syncdoctor.hostile;

import dev.syncdoctor.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process as a user would, with System.out and System.err captured. */
public record Cli(int exitCode, String out, String err, long millis) {

    public static synchronized Cli run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            // --verbose raises syncdoctor's log level for the process; the next run starts quiet again.
            if (org.slf4j.LoggerFactory.getLogger("dev.syncdoctor") instanceof ch.qos.logback.classic.Logger l) {
                l.setLevel(null);
            }
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The non-empty lines of stderr. */
    public java.util.List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Whether stderr shows a stack trace. */
    public boolean hasStackTrace() {
        return err.lines().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("    at ") || l.startsWith("Caused by:"));
    }
}
