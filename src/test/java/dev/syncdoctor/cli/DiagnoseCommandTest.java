package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textPlanNamesTheIssueItsSourceAndNumberedSteps() {
        CliRun r = CliRun.of("diagnose", "facts/examples/initial-sync/forbidden-docs-example.txt");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("diagnosed, 1 known issue")
                .contains("IS03_403_FORBIDDEN_AX_EXPORT")
                .contains("Initial synchronization error: 403 Forbidden")
                .contains(" 1. Sign in to the Finance and Operations app.")
                .contains(" 2. ")
                .contains("why: ");
        assertThat(r.err()).isEmpty();
    }

    /** An if-unresolved step is introduced as one, unless its own text already opens with its condition. */
    @Test
    void anIfUnresolvedStepThatStatesItsOwnConditionIsNotIntroducedTwice() {
        String example = "facts/examples/initial-sync/self-reference-customers-first-run.txt";
        CliRun text = CliRun.of("diagnose", example);
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).containsPattern(" \\d\\. If the second run fails too").doesNotContain("If unresolved: If");
        CliRun markdown = CliRun.of("diagnose", "--format", "markdown", example);
        assertThat(markdown.out()).contains("If the second run fails too").doesNotContain("*If unresolved:* If");
        CliRun dixf = CliRun.of("diagnose", "facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(dixf.out()).contains("If unresolved: Sign in to the VM");
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        CliRun r = CliRun.of("diagnose", "--format", "json", "facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(r.exitCode()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.fieldNames()).toIterable()
                .containsSubsequence("source", "case", "status", "diagnoses", "requirements", "actions", "unexplained", "error");
        assertThat(root.get("source").asText()).isEqualTo("facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(root.get("case").asText()).isEqualTo("bad-request-docs-example");
        assertThat(root.get("status").asText()).isEqualTo("diagnosed");
        JsonNode d = root.get("diagnoses").get(0);
        assertThat(d.get("issue").asText()).isEqualTo("dixf-service-stopped");
        assertThat(d.get("kb").asText()).isEqualTo("IS02_400_BAD_REQUEST_AX_EXPORT");
        assertThat(d.get("rule").asText()).isNotBlank();
        assertThat(d.get("evidence")).isNotEmpty();
        JsonNode req = root.get("requirements").get(0);
        assertThat(req.get("kind").asText()).isEqualTo("role");
        assertThat(req.get("name").asText()).isEqualTo("System admin");
        assertThat(req.get("held").asBoolean()).isFalse();
        JsonNode first = root.get("actions").get(0);
        assertThat(first.get("step").asInt()).isEqualTo(1);
        assertThat(first.get("phase").asText()).isEqualTo("rerun");
        assertThat(first.get("kb").asText()).isEqualTo("IS02_400_BAD_REQUEST_AX_EXPORT");
        assertThat(first.get("because").asText()).isNotBlank();
        assertThat(root.get("actions").get(1).get("phase").asText()).isEqualTo("prerequisite");
        assertThat(root.get("error").isNull()).isTrue();
    }

    @Test
    void holdingTheRoleDropsThePrerequisiteStepAndMarksItHeld() throws Exception {
        CliRun r = CliRun.of("diagnose", "--format", "json", "--role", "System admin", "--occurrences", "2",
                "facts/examples/initial-sync/bad-request-docs-example.txt");
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("requirements").get(0).get("held").asBoolean()).isTrue();
        assertThat(root.get("actions").get(0).get("phase").asText()).isNotEqualTo("prerequisite");
        assertThat(root.get("actions").get(0).get("text").asText()).contains("Sign in to the virtual machine");
    }

    @Test
    void seenOnceMeansRunAgainFirstAndConsistentMeansTheServiceFix() throws Exception {
        JsonNode once = JSON.readTree(CliRun.of("diagnose", "-f", "json", "--role", "sysadmin",
                "facts/examples/initial-sync/bad-request-docs-example.txt").out());
        assertThat(once.get("actions").get(0).get("text").asText()).startsWith("Run the initial sync");
        for (int i = 1; i < once.get("actions").size(); i++) {
            assertThat(once.get("actions").get(i).get("phase").asText()).isEqualTo("if-unresolved");
        }
        JsonNode consistent = JSON.readTree(CliRun.of("diagnose", "-f", "json", "--role", "sysadmin", "--consistent",
                "facts/examples/initial-sync/bad-request-docs-example.txt").out());
        assertThat(consistent.get("actions")).hasSize(5);
        for (JsonNode a : consistent.get("actions")) {
            assertThat(a.get("phase").asText()).isNotEqualTo("if-unresolved");
        }
    }

    @Test
    void markdownIsATicketReadyPlan() {
        CliRun r = CliRun.of("diagnose", "--format", "markdown", "facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("## syncdoctor:").contains("### Action plan").contains("1. Run the initial sync").contains("2. Get the System admin role")
                .contains("- [ ] role: **System admin** (missing)");
    }

    @Test
    void explainShowsTheRuleAndTheMatchedFacts() {
        CliRun r = CliRun.of("diagnose", "--explain", "facts/examples/initial-sync/forbidden-docs-example.txt");
        assertThat(r.out()).contains("rule: 403 Forbidden from the AX export").contains("matched e1: ").contains("rule: dtappid-client-not-authorized 1");
    }

    @Test
    void readsStandardInput() {
        CliRun r = CliRun.withStdin("The remote server returned an error: (403) Forbidden.), AX export encountered an error\n",
                "diagnose", "-");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("IS03_403_FORBIDDEN_AX_EXPORT");
    }

    @Test
    void unknownErrorsExitThreeAndAreListed() {
        CliRun r = CliRun.of("diagnose", "facts/examples/general/unknown-error.txt");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("unknown").contains("quantum flux capacitor");
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("diagnose", "facts/examples/no-such-file.txt");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).contains("no-such-file.txt").doesNotContain("\n").doesNotContain("Exception\n\tat");
    }

    @Test
    void emptyTextWithoutContextIsAUsageErrorButWithAStatusItIsACase(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertThat(CliRun.of("diagnose", empty.toString()).exitCode()).isEqualTo(2);
        CliRun r = CliRun.of("diagnose", "--status", "Not running", empty.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("IS00_FIND_ERRORS");
    }

    @Test
    void aCsvExportGivesOnePlanPerCase(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("export.csv"), """
                case_id,map,status,occurrences,message
                c1,Customer groups,Not running,3,"([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error"
                c2,Vendor groups,Not running,1,"([Forbidden], The remote server returned an error:
                (403) Forbidden.), AX export encountered an error"
                """);
        CliRun r = CliRun.of("diagnose", "--format", "json", csv.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines[0]).get("source").asText()).endsWith("export.csv#c1");
        assertThat(lines[0]).contains("IS02_400_BAD_REQUEST_AX_EXPORT").contains("Sign in to the virtual machine");
        assertThat(lines[1]).contains("IS03_403_FORBIDDEN_AX_EXPORT").contains("Vendor groups");
    }

    @Test
    void aCsvRowThatCannotBeReadIsOneLineNamingItAndTheOtherCasesAreDiagnosed(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("broken.csv"), "case_id,message\nc1,fine\nc2,too,many,values\n"
                + "c3,\"([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error\"\n"
                + ",no case id\n");
        CliRun r = CliRun.of("diagnose", "--format", "json", csv.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(7);
        assertThat(r.err().strip().split("\n")).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("syncdoctor: " + csv + ":3: row has 4 values"))
                .anySatisfy(l -> assertThat(l).startsWith("syncdoctor: " + csv + ":5: row has no case_id"));
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("broken.csv#c1");
        assertThat(lines[1]).contains("broken.csv#c3").contains("IS02_400_BAD_REQUEST_AX_EXPORT");
    }

    @Test
    void aCsvWithNoReadableRowIsExitTwo(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("broken.csv"), "case_id,message\nc2,too,many,values\n");
        CliRun r = CliRun.of("diagnose", csv.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("broken.csv").containsPattern(":2\\b");
    }

    @Test
    void badOptionIsExitTwo() {
        assertThat(CliRun.of("diagnose", "--format", "pdf", "facts/examples/general/unknown-error.txt").exitCode()).isEqualTo(2);
    }

    @Test
    void rulesThatDoNotCompileAreListedWithFileLineAndColumnAndExitFour(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.drl"), "package x\n\nrule \"broken\"\nwhen\n    Foo( bar == )\nthen\nend\n");
        CliRun r = CliRun.of("diagnose", "--rules", dir.toString(), "facts/examples/general/unknown-error.txt");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).containsPattern("broken\\.drl:\\d+:\\d+ ");
    }
}
