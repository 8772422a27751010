package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.TestFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules check} tells an analyst which file of the folder each piece of a new issue goes in. */
class RulesCheckWhereThingsGoTest {
    @TempDir
    Path rules;

    @Test
    void theShippedFolderNamesItsTablesAndTheDrlFolder() throws IOException {
        TestFolders.copy(Path.of("rules"), rules);
        CliRun r = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(String.join(System.lineSeparator(),
                "where a new issue's pieces go (rows first):",
                "  recognition of one error (text, status, codes) -> a row of recognition/errors.drl.csv",
                "  a dual-write or validation code                -> a row of codes.drl.csv",
                "  the issue (kb id, title, role)                 -> a row of issues.drl.csv",
                "  its steps                                      -> rows of steps.drl.csv",
                "  what needs several facts (joins, case context) -> a DRL file in recognition/"));
    }

    @Test
    void theGuideFollowsWhatTheFilesHoldNotTheirUsualNames() throws IOException {
        TestFolders.copy(Path.of("rules"), rules);
        Files.move(rules.resolve("recognition/errors.drl.csv"), rules.resolve("recognition/messages.drl.csv"));
        Files.move(rules.resolve("steps.drl.csv"), rules.resolve("plan.drl.csv"));
        CliRun r = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("  recognition of one error (text, status, codes) -> a row of recognition/messages.drl.csv")
                .contains("  its steps                                      -> rows of plan.drl.csv")
                .doesNotContain("errors.drl.csv", "steps.drl.csv");
    }

    @Test
    void theHelpSaysRowsFirst() {
        CliRun r = CliRun.of("rules", "check", "--help");
        assertThat(r.out()).contains("rows first").contains("a DRL file only for what needs several facts");
    }
}
