package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code serve}'s usage errors: one line, exit 2, and nothing listening. */
class ServeCommandTest {

    @Test
    void beyondLoopbackWithoutATokenIsRefusedWithTheWayOut() {
        CliRun r = CliRun.of("serve", "--host", "0.0.0.0", "--port", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("--host 0.0.0.0").contains("--token").contains("--insecure-no-token");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void badPortsLimitsAndFoldersAreUsageErrors() {
        assertThat(CliRun.of("serve", "--port", "70000").err()).contains("--port");
        assertThat(CliRun.of("serve", "--max-input-bytes", "0").exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(CliRun.of("serve", "--max-concurrent", "0").exitCode()).isEqualTo(ExitCode.INPUT);
        CliRun noRules = CliRun.of("serve", "--port", "0", "--rules", "no-such-rules-folder");
        assertThat(noRules.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(noRules.err()).contains("no-such-rules-folder: no such rules folder");
    }

    @Test
    void theHelpNamesEveryOption() {
        CliRun r = CliRun.of("serve", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--host", "--port", "--token", "--insecure-no-token", "--max-input-bytes",
                "--max-concurrent", "--max-queued", "--request-time-limit", "--rules", "--time-limit", "--max-firings");
    }
}
