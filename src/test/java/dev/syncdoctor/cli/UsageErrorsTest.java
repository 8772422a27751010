package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A command line that cannot be read: one line with the fix, a pointer to --help, exit 2, no usage dump. */
class UsageErrorsTest {

    @Test
    void aMisspeltOptionIsNamedWithTheLikelyFix() {
        CliRun r = CliRun.of("diagnose", "--fromat", "json", "facts/examples/general/unknown-error.txt");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "syncdoctor: unknown option '--fromat'; did you mean --format?",
                "run 'syncdoctor diagnose --help' for the rest");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadValueNamesItsOption() {
        CliRun r = CliRun.of("batch", "--threads", "many", "facts/");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(2);
        assertThat(r.err()).contains("'--threads'").contains("'many'").contains("run 'syncdoctor batch --help' for the rest");
    }

    @Test
    void aNegativeCountNamesTheFlagAndWhatIsAllowed() {
        CliRun r = CliRun.of("diagnose", "--attempts", "-1", "facts/examples/general/unknown-error.txt");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly("syncdoctor: --attempts -1: a count cannot be negative; allowed: 0 or more");
    }

    @Test
    void anUnknownSubcommandIsOneLineToo() {
        CliRun r = CliRun.of("diagnoze", "facts/examples/general/unknown-error.txt");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "syncdoctor: unexpected argument 'diagnoze'; did you mean diagnose?",
                "run 'syncdoctor --help' for the rest");
    }
}
