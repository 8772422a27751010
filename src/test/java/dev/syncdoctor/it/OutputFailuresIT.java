package dev.syncdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program when its standard output cannot be written (a full disk) or its standard input is
 * closed, and when rule code ends the JVM: never a silent exit 0.
 */
class OutputFailuresIT {
    @TempDir
    Path work;

    private record Run(int exitCode, String err) {
    }

    /** Runs the jar through sh, so redirections such as {@code >/dev/full} and {@code <&-} are the shell's. */
    private Run sh(String redirections, String... args) throws Exception {
        StringBuilder cmd = new StringBuilder("exec \"$0\" -jar \"$1\"");
        for (int i = 0; i < args.length; i++) {
            // ${10}, not $10: the shell reads $10 as $1 followed by 0.
            cmd.append(" \"${").append(i + 2).append("}\"");
        }
        cmd.append(' ').append(redirections);
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", cmd.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), PackagedCli.jar().toString()));
        command.addAll(List.of(args));
        Path err = work.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aFullDiskBehindStandardOutputIsAnErrorWithItsOwnExitCode() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        Run diagnose = sh(">/dev/full", "diagnose", "facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(diagnose.exitCode()).as(diagnose.err()).isEqualTo(5);
        assertThat(diagnose.err()).contains("standard output: cannot write");

        Run batch = sh(">/dev/full", "batch", "--format", "json", "facts/examples");
        assertThat(batch.exitCode()).as(batch.err()).isEqualTo(5);
        assertThat(batch.err()).contains("standard output");
    }

    @Test
    void aClosedStandardInputIsRefusedNotReadAsTheJvmsOwnFiles() throws Exception {
        Run r = sh("<&-", "batch", "--format", "json", "-");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("standard input is closed");
    }

    @Test
    void ruleCodeThatEndsTheJvmNeverLeavesAGateGreen() throws Exception {
        Path rules = work.resolve("rules");
        dev.syncdoctor.TestFolders.copy(Path.of("rules"), rules);
        Files.writeString(rules.resolve("TRUSTED"), "reviewed\n");
        Files.writeString(rules.resolve("core/leave.drl"), """
                package dev.syncdoctor.rules.custom
                import dev.syncdoctor.model.*;
                rule "leave early"
                when
                    SyncCase()
                then
                    System.exit(0);
                end
                """);
        Path out = Files.writeString(work.resolve("out.jsonl"), "previous run\n");
        Run batch = sh("", "batch", "--no-cache", "--rules", rules.toString(), "--fail-on", "invalid,unknown",
                "--format", "json", "--out", out.toString(), "facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(batch.exitCode()).as(batch.err()).isEqualTo(6);
        assertThat(batch.err()).contains("ended before it finished");
        assertThat(Files.readString(out)).isEqualTo("previous run\n");
    }
}
