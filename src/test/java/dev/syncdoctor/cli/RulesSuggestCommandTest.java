package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncdoctor.TestFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules suggest}: from a batch's unrecognised errors to drafts that, filled in and moved into the rules, diagnose them. */
class RulesSuggestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "Dual write Initial Sync completed with status: Error. Following are the details:\n"
            + "ErrorsDetails:\nDual write Initial sync failed\n";
    /** Throttling by Dataverse, as three maps saw it: other tables, waits and request ids. */
    private static final List<String> THROTTLED = List.of(
            HEADER + "Message: Unable to write data to entity msdyn_customers. Writes to Dataverse failed: (429) Too Many Requests."
                    + " Rate limit is exceeded. Try again in 27 seconds. Request id: 6f1c2e8a-3b4d-4e5f-9a0b-1c2d3e4f5a6b\n",
            HEADER + "Message: Unable to write data to entity msdyn_vendors. Writes to Dataverse failed: (429) Too Many Requests."
                    + " Rate limit is exceeded. Try again in 12 seconds. Request id: 0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d\n",
            HEADER + "Message: Unable to write data to entity msdyn_salesorderheaders. Writes to Dataverse failed: (429) Too Many"
                    + " Requests. Rate limit is exceeded. Try again in 3 seconds. Request id: 11111111-2222-4333-8444-555555555555\n");
    private static final List<String> PAUSED = List.of(
            HEADER + "Message: Export of table msdyn_products paused by the integration host after 3 retries (correlation 0x7F3A).\n",
            HEADER + "Message: Export of table msdyn_workers paused by the integration host after 5 retries (correlation 0x01BC).\n");

    private static Path inputs(Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("inputs"));
        for (int i = 0; i < THROTTLED.size(); i++) {
            Files.writeString(in.resolve("throttled-" + (i + 1) + ".txt"), THROTTLED.get(i));
        }
        for (int i = 0; i < PAUSED.size(); i++) {
            Files.writeString(in.resolve("paused-" + (i + 1) + ".txt"), PAUSED.get(i));
        }
        Files.copy(Path.of("facts/examples/initial-sync/bad-request-docs-example.txt"), in.resolve("known.txt"));
        return in;
    }

    private static CliRun batch(Path tmp) throws Exception {
        Path in = inputs(tmp);
        CliRun run = CliRun.of("batch", "--no-cache", "--format", "json", "--out", tmp.resolve("results.jsonl").toString(),
                "--summary", tmp.resolve("summary.json").toString(), in.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void draftsFilledInAndMovedIntoTheRulesDiagnoseTheErrorsTheyCameFrom(@TempDir Path tmp) throws Exception {
        batch(tmp);
        assertThat(JSON.readTree(tmp.resolve("summary.json").toFile()).get("unknownSignatures")).hasSize(2);
        Path drafts = tmp.resolve("drafts");
        CliRun suggest = CliRun.of("rules", "suggest", tmp.resolve("results.jsonl").toString(), "--out", drafts.toString());
        assertThat(suggest.exitCode()).as(suggest.err()).isZero();
        assertThat(suggest.out()).contains("2 draft issues").contains("rate-limit-is-exceeded");
        assertThat(suggest.err()).isEmpty();

        // The recognition row tests what all three share, never a table name, a wait or a request id.
        String recognition = Files.readString(drafts.resolve("rules/recognition/suggested-errors.drl.csv"));
        String row = recognition.lines().filter(l -> l.startsWith("suggested rate-limit-is-exceeded,")).findFirst().orElseThrow();
        assertThat(row).contains("Rate limit is exceeded").contains("Writes to Dataverse failed").contains(",429,")
                .doesNotContain("msdyn_", "27", "12", "6f1c2e8a", "Try again in 3");
        assertThat(Files.readString(drafts.resolve("rules/suggested-issues.drl.csv"))).contains("TODO");
        assertThat(Files.readString(drafts.resolve("rules/suggested-steps.drl.csv"))).contains("TODO");
        assertThat(drafts.resolve("facts/suggested/rate-limit-is-exceeded-1.txt")).exists();
        assertThat(drafts.resolve("facts/suggested/rate-limit-is-exceeded-3.expected.json")).exists();
        assertThat(drafts.resolve("README.md")).exists();

        // The analyst fills in the TODOs and moves the drafts into (a copy of) the rules and the facts.
        Path rules = tmp.resolve("rules");
        Path facts = tmp.resolve("facts");
        TestFolders.copy(Path.of("rules"), rules);
        TestFolders.copy(Path.of("facts"), facts);
        fillIn(drafts);
        TestFolders.copy(drafts.resolve("rules"), rules);
        TestFolders.copy(drafts.resolve("facts"), facts);
        ObjectNode catalog = (ObjectNode) JSON.readTree(rules.resolve("catalog.json").toFile());
        ((ArrayNode) catalog.get("issues")).addAll((ArrayNode) JSON.readTree(drafts.resolve("catalog-entries.json").toFile()).get("issues"));
        Files.writeString(rules.resolve("catalog.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(catalog));

        CliRun check = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        CliRun test = CliRun.of("rules", "test", "--no-cache", "--rules", rules.toString(), "--facts", facts.toString(), "--quiet");
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("\nrules: " + rules + " (hash ").contains(" 0 failed");

        for (int i = 0; i < THROTTLED.size(); i++) {
            CliRun diagnose = CliRun.of("diagnose", "--no-cache", "--rules", rules.toString(), "--format", "json",
                    tmp.resolve("inputs/throttled-" + (i + 1) + ".txt").toString());
            assertThat(diagnose.exitCode()).as(diagnose.err()).isZero();
            JsonNode result = JSON.readTree(diagnose.out());
            assertThat(result.at("/diagnoses/0/issue").asText()).isEqualTo("rate-limit-is-exceeded");
            assertThat(result.get("diagnoses")).hasSize(1);
            assertThat(result.at("/actions/0/text").asText()).isEqualTo("Filled in: what to look at first");
        }
    }

    @Test
    void aSummaryDraftsTheSameIssuesFromOneExampleEach(@TempDir Path tmp) throws Exception {
        batch(tmp);
        Path drafts = tmp.resolve("drafts");
        CliRun suggest = CliRun.of("rules", "suggest", tmp.resolve("summary.json").toString(), "--out", drafts.toString());
        assertThat(suggest.exitCode()).as(suggest.err()).isZero();
        assertThat(suggest.out()).contains("2 draft issues").contains("rate-limit-is-exceeded").contains("paused-by-the-integration-host");
        try (Stream<Path> examples = Files.list(drafts.resolve("facts/suggested"))) {
            assertThat(examples.filter(p -> p.toString().endsWith(".txt"))).hasSize(2);
        }
    }

    @Test
    void refusesAFileThatIsNeitherAndAFolderThatIsNotEmptyOrInTheRules(@TempDir Path tmp) throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.json"), "{\"status\": \"fine\"}\n{\"other\": 1}\n");
        CliRun neither = CliRun.of("rules", "suggest", notes.toString(), "--out", tmp.resolve("d").toString());
        assertThat(neither.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(neither.err().strip()).isEqualTo("syncdoctor: " + notes + ":1: neither batch results (JSON Lines of batch"
                + " --format json) nor a batch summary (batch --summary)");
        assertThat(tmp.resolve("d")).doesNotExist();

        CliRun missing = CliRun.of("rules", "suggest", tmp.resolve("none.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(missing.err().strip()).isEqualTo("syncdoctor: " + tmp.resolve("none.jsonl") + ": no such file");

        batch(tmp);
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("mine.txt"), "keep");
        String results = tmp.resolve("results.jsonl").toString();
        CliRun full = CliRun.of("rules", "suggest", results, "--out", used.toString());
        assertThat(full.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(full.err().strip()).isEqualTo("syncdoctor: --out " + used + ": folder is not empty; choose another, or --force to write into it");
        assertThat(used.resolve("README.md")).doesNotExist();
        CliRun forced = CliRun.of("rules", "suggest", results, "--out", used.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(used.resolve("README.md")).exists();
        assertThat(used.resolve("mine.txt")).hasContent("keep");

        Path rules = tmp.resolve("rules");
        TestFolders.copy(Path.of("rules"), rules);
        CliRun intoRules = CliRun.of("rules", "suggest", results, "--rules", rules.toString(), "--out",
                rules.resolve("recognition").toString(), "--force");
        assertThat(intoRules.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(intoRules.err()).contains("is inside the rules folder").doesNotContain("\tat ");
        assertThat(rules.resolve("recognition/rules")).doesNotExist();
    }

    private static final Pattern TODO_CELL = Pattern.compile("\"TODO[^\"]*+\"|TODO[^,\\n]*+");

    /** What an analyst does: a catalog id, then words for every TODO. */
    private static void fillIn(Path drafts) throws Exception {
        for (String table : List.of("rules/suggested-issues.drl.csv", "rules/suggested-steps.drl.csv", "catalog-entries.json")) {
            Path p = drafts.resolve(table);
            String s = Files.readString(p).replace("TODO_", "DW_");
            if (table.endsWith(".json")) {
                s = s.replaceAll("\"TODO[^\"]*+\"", "\"Filled in\"");
            } else {
                s = TODO_CELL.matcher(s).replaceAll(m -> m.group().replaceFirst("^\"?TODO(: )?", "Filled in: ").replace("\"", "")
                        .replace(",", ""));
            }
            Files.writeString(p, s);
        }
        assertThat(Files.readString(drafts.resolve("rules/suggested-steps.drl.csv"))).doesNotContain("TODO");
    }
}
