package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD_REQUEST =
            "([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error";

    @TempDir
    static Path mixed;

    /** A folder as support teams collect them: good, unknown and broken inputs, and files to skip. */
    @BeforeAll
    static void mixedFolder() throws Exception {
        Files.writeString(mixed.resolve("a-bad-request.txt"), Files.readString(Path.of("facts/examples/initial-sync/bad-request-docs-example.txt")));
        Files.writeString(mixed.resolve("a-bad-request.expected.json"), "{\"status\":\"diagnosed\"}");
        Files.writeString(mixed.resolve("b-unknown.log"), "The quantum flux capacitor on table msdyn_widgets could not be aligned (code 4711).");
        Files.writeString(mixed.resolve("c-broken.json"), "{\"case\": \"c\", \"error\": ");
        Files.write(mixed.resolve("d-binary.log"), new byte[] {0, 1, 2, (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0, 7});
        Files.writeString(mixed.resolve("e-empty.txt"), "");
        Files.writeString(mixed.resolve("f-export.csv"), "case_id,map,status,direction,phase,attempts,occurrences,roles,message\n"
                + "x1,Vendors V2,Not running,,,,2,,\"" + BAD_REQUEST + "\"\n"
                + "x2,,,,,,,,\"unrecognised\nacross two lines\"\n"
                + "x3,too,few\n");
        Files.writeString(mixed.resolve("README.md"), "# not an input");
        Files.writeString(mixed.resolve("notes.docx"), "skipped");
        Path sub = Files.createDirectories(mixed.resolve("g-nested/deeper"));
        Files.writeString(sub.resolve("running.json"), "{\"case\": \"ok\", \"map\": \"Customers V3\", \"status\": \"Running\"}");
    }

    private static final List<String> MIXED_SOURCES_IN_ORDER = List.of("a-bad-request.txt", "b-unknown.log", "c-broken.json",
            "d-binary.log", "e-empty.txt", "f-export.csv#x1", "f-export.csv#x2", "f-export.csv:5", "g-nested/deeper/running.json");

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void nothingIsLostOnAMixedFolderAndTheSummaryAddsUp() throws Exception {
        Path out = mixed.getParent().resolve(mixed.getFileName() + "-records.jsonl");
        Path summary = mixed.getParent().resolve(mixed.getFileName() + "-summary.json");
        Path html = mixed.getParent().resolve(mixed.getFileName() + "-report.html");
        CliRun r = CliRun.of("batch", "--format", "json", "--threads", "2", "--out", out.toString(),
                "--summary", summary.toString(), "--html", html.toString(), mixed.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();

        List<JsonNode> records = lines(Files.readString(out));
        List<String> expected = MIXED_SOURCES_IN_ORDER.stream().map(s -> mixed.resolve(s.replaceAll("[#:].*", "")) + s.replaceAll("^[^#:]*", "")).toList();
        assertThat(records).extracting(n -> n.get("source").asText()).containsExactlyElementsOf(expected);
        for (JsonNode n : records) {
            assertThat(n.fieldNames()).toIterable()
                    .containsSubsequence("source", "case", "status", "diagnoses", "requirements", "actions", "unexplained", "error");
        }
        assertThat(records).extracting(n -> n.get("status").asText())
                .containsExactly("diagnosed", "unknown", "invalid", "invalid", "invalid", "diagnosed", "unknown", "invalid", "healthy");
        for (JsonNode n : records) {
            if (n.get("status").asText().equals("invalid")) {
                assertThat(n.get("error").asText()).as(n.toString()).isNotBlank().startsWith(n.get("source").asText());
            }
        }
        assertThat(records.get(7).get("error").asText()).contains("f-export.csv:5").contains("3 values");

        JsonNode s = JSON.readTree(summary.toFile());
        assertThat(s.get("records").asLong()).isEqualTo(9);
        long sum = 0;
        for (JsonNode c : s.get("statuses")) {
            sum += c.asLong();
        }
        assertThat(sum).isEqualTo(records.size());
        assertThat(s.get("statuses").get("invalid").asLong()).isEqualTo(4);
        assertThat(s.get("issues").get(0).get("issue").asText()).isEqualTo("dixf-service-stopped");
        assertThat(s.get("issues").get(0).get("cases").asLong()).isEqualTo(2);
        assertThat(s.get("unknownSignatures")).hasSize(2);
        assertThat(Files.readString(html)).contains("<svg").contains("dixf-service-stopped");
        assertThat(r.err()).contains("9 records").contains("diagnosed 2, unknown 2, healthy 1, invalid 4");
        try (var files = Files.list(mixed.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void recordsKeepInputOrderWithSeveralThreads() throws Exception {
        Path dir = Files.createTempDirectory("batch-order");
        String bad = Files.readString(Path.of("facts/examples/initial-sync/bad-request-docs-example.txt"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(dir.resolve(String.format("case-%04d.txt", i)), i % 3 == 0 ? "unknown error number " + i : bad);
        }
        CliRun r = CliRun.of("batch", "--format", "text", "--threads", "4", dir.toString());
        assertThat(r.exitCode()).isZero();
        String[] out = r.out().split("\n");
        assertThat(out).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(out[i]).startsWith(dir.resolve(String.format("case-%04d.txt", i)) + "\t" + (i % 3 == 0 ? "unknown" : "diagnosed"));
        }
    }

    @Test
    void jsonLinesOnStdinGiveOneRecordPerLineAndABrokenLineIsNamed() throws Exception {
        String stdin = "{\"case\":\"one\",\"map\":\"Customer groups\",\"status\":\"Not running\",\"occurrences\":2,\"error\":\""
                + BAD_REQUEST.replace("\"", "\\\"") + "\"}\n"
                + "\n"
                + "{\"case\":\"two\", \"error\": \"oops\n"
                + "{\"case\":\"three\",\"status\":\"Running\"}\n"
                + "[1,2]\n";
        CliRun r = CliRun.withStdin(stdin, "batch", "--format", "json", "-");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> records = lines(r.out());
        assertThat(records).extracting(n -> n.get("source").asText()).containsExactly("-:1", "-:3", "-:4", "-:5");
        assertThat(records).extracting(n -> n.get("status").asText()).containsExactly("diagnosed", "invalid", "healthy", "invalid");
        assertThat(records.get(0).get("case").asText()).isEqualTo("one");
        assertThat(records.get(1).get("error").asText()).startsWith("-:3:").contains("not a JSON case");
        assertThat(records.get(3).get("error").asText()).startsWith("-:5: ").contains("one JSON object per line");
    }

    @Test
    void failOnMakesChosenStatusesExitOne() {
        String unknown = "facts/examples/general/unknown-error.txt";
        String good = "facts/examples/initial-sync/forbidden-docs-example.txt";
        assertThat(CliRun.of("batch", unknown, good).exitCode()).isZero();
        assertThat(CliRun.of("batch", "--fail-on", "unknown,invalid", unknown, good).exitCode()).isEqualTo(ExitCode.FAILED_ON_STATUS);
        assertThat(CliRun.of("batch", "--fail-on", "invalid", unknown, good).exitCode()).isZero();
    }

    @Test
    void usageErrorsExitTwoBeforeAnyWork() {
        CliRun missing = CliRun.of("batch", "facts/examples", "no/such/folder");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(missing.err()).contains("no/such/folder: no such file or folder");
        assertThat(missing.out()).isEmpty();
        assertThat(CliRun.of("batch", "--format", "yaml", "facts/examples").exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(CliRun.of("batch", "--fail-on", "bogus", "facts/examples").exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(CliRun.of("batch", "--no-such-flag", "facts/examples").exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(CliRun.of("batch").exitCode()).isEqualTo(ExitCode.INPUT);
    }

    @Test
    void anOutputThatCannotBeWrittenIsAUsageErrorAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("batch", "--out", dir.resolve("missing/out.jsonl").toString(), "facts/examples");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INPUT);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
