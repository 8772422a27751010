package dev.syncdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncdoctor.TestFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst adds a known issue to a copy of rules/ and facts/ with no Java change and no rebuild:
 * the packaged program diagnoses it, and rules check / rules test guard the knowledge base.
 */
class KnowledgeAuthoringIT {
    private static final String MESSAGE =
            "Dual-write paused queue for project DWM-7f3c exceeded its limit of 1 GB; queued records were discarded.";

    @TempDir
    Path work;

    @BeforeEach
    void copyKnowledge() throws IOException {
        TestFolders.copy(Path.of("rules"), work.resolve("rules"));
        TestFolders.copy(Path.of("facts"), work.resolve("facts"));
        // Analysts extend the catalog too: the new issue's kb id must exist there for rules check.
        ObjectMapper json = new ObjectMapper();
        Path catalog = work.resolve("rules/catalog.json");
        ObjectNode root = (ObjectNode) json.readTree(catalog.toFile());
        ObjectNode entry = ((ArrayNode) root.get("issues")).addObject();
        entry.put("id", "XX01_PAUSED_QUEUE_LIMIT");
        entry.put("section_title", "Pause table maps for maintenance");
        json.writeValue(catalog.toFile(), root);
    }

    @Test
    void aNewIssueAsDecisionTableRows() throws Exception {
        append("rules/issues.drl.csv", "issue paused-queue-limit,paused-queue-limit,XX01_PAUSED_QUEUE_LIMIT,"
                + "Pause table maps for maintenance,live_sync,,The queue of a paused map went over its limit\n");
        append("rules/recognition/errors.drl.csv", "paused queue over its limit,exceeded its limit of 1 GB,,paused queue,,,,,,,"
                + "paused-queue-limit,high,paused queue; exceeded its limit of 1 GB\n");
        append("rules/steps.drl.csv", "queue 1,paused-queue-limit,,,,fix,1,Records queued past the limit were dropped.,"
                + "Resume the map {map} and re-sync the records changed while it was paused.\n");
        addExample();

        assertDiagnosedAndChecked();
    }

    @Test
    void aNewIssueAsADrlFile() throws Exception {
        Files.writeString(work.resolve("rules/recognition/paused-queue.drl"), """
                package dev.syncdoctor.rules.custom

                import dev.syncdoctor.model.*;

                rule "paused queue over its limit"
                when
                    $e : SyncError( mentions("paused queue"), mentions("exceeded its limit of 1 GB") )
                then
                    insert(new Finding("paused-queue-limit", $e, "high", "paused queue", "exceeded its limit of 1 GB"));
                end

                rule "issue paused-queue-limit"
                when
                    $f : Finding( issue == "paused-queue-limit" )
                then
                    insert(new Diagnosis($f, "XX01_PAUSED_QUEUE_LIMIT", "The queue of a paused map went over its limit",
                        "Pause table maps for maintenance", "live_sync", null));
                end

                rule "queue 1"
                when
                    $d : Diagnosis( issue == "paused-queue-limit" )
                then
                    insert(new Action($d, "fix", 1, "Resume the map {map} and re-sync the records changed while it was paused.",
                        "Records queued past the limit were dropped."));
                end
                """);
        addExample();

        assertDiagnosedAndChecked();
    }

    @Test
    void aBrokenRuleMakesRulesCheckExitFourWithFileAndLine() throws Exception {
        Files.writeString(work.resolve("rules/recognition/broken.drl"), """
                package dev.syncdoctor.rules.custom

                import dev.syncdoctor.model.*;

                rule "half written"
                when
                    $e : SyncError( mentions("paused queue") &&  )
                then
                    insert(new Finding("paused-queue-limit", $e, "high"));
                end
                """);
        PackagedCli check = PackagedCli.run(work, "rules", "check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(4);
        assertThat(check.err()).as(check.toString()).containsPattern("recognition/broken\\.drl:7:\\d+ ");
    }

    @Test
    void aBrokenTableRowIsReportedByItsRow() throws Exception {
        append("rules/steps.drl.csv", "bad order,dixf-service-stopped,,,,fix,second,Why.,Do it.\n");
        PackagedCli check = PackagedCli.run(work, "rules", "check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(4);
        long row = Files.readAllLines(work.resolve("rules/steps.drl.csv")).size();
        assertThat(check.err()).as(check.toString()).contains("steps.drl.csv:" + row + ":Order: 'second' is not a whole number");
    }

    @Test
    void aBrokenExpectationMakesRulesTestFailWithAReadableDiff() throws Exception {
        Path sidecar = work.resolve("facts/examples/initial-sync/forbidden-docs-example.expected.json");
        Files.writeString(sidecar, Files.readString(sidecar).replace("dtappid-client-not-authorized", "dixf-service-stopped"));
        PackagedCli test = PackagedCli.run(work, "rules", "test");
        assertThat(test.exitCode()).as(test.toString()).isNotZero();
        assertThat(test.out()).as(test.toString())
                .contains("FAIL facts/examples/initial-sync/forbidden-docs-example.txt")
                .contains("issues: expected [dixf-service-stopped], got [dtappid-client-not-authorized]")
                .containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    private void assertDiagnosedAndChecked() throws Exception {
        PackagedCli diagnose = PackagedCli.run(work, "diagnose", "--map", "Sales orders", "facts/examples/paused-queue.txt");
        assertThat(diagnose.exitCode()).as(diagnose.toString()).isZero();
        assertThat(diagnose.out()).contains("XX01_PAUSED_QUEUE_LIMIT")
                .contains("1. Resume the map Sales orders and re-sync the records changed while it was paused.");

        PackagedCli check = PackagedCli.run(work, "rules", "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("paused-queue-limit");

        PackagedCli test = PackagedCli.run(work, "rules", "test");
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).contains("PASS facts/examples/paused-queue.txt").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    private void addExample() throws IOException {
        Files.writeString(work.resolve("facts/examples/paused-queue.txt"), "Alert from the dual-write monitor:\n\n" + MESSAGE + "\n");
        Files.writeString(work.resolve("facts/examples/paused-queue.expected.json"), """
                {"status": "diagnosed", "issues": ["paused-queue-limit"], "kb": ["XX01_PAUSED_QUEUE_LIMIT"],
                 "requirements": [], "context": {"map": "Sales orders"},
                 "steps": ["Resume the map Sales orders"]}
                """);
    }

    private void append(String file, String line) throws IOException {
        Path p = work.resolve(file);
        String content = Files.readString(p);
        if (!content.endsWith("\n")) {
            line = "\n" + line;
        }
        Files.writeString(p, line, StandardOpenOption.APPEND);
    }
}
