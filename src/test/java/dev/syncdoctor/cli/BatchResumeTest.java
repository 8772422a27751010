package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code batch --resume} continues the records an interrupted run left: whatever point the run was cut
 * at (between records, inside a CSV export's cases, in the middle of a line), the continued output is the
 * output of an uninterrupted run, byte for byte, and the summary counts every record once.
 */
class BatchResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD_REQUEST =
            "([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error";

    @TempDir
    static Path cases;
    @TempDir
    static Path reference;
    static String full;
    static ObjectNode fullSummary;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        Files.writeString(cases.resolve("a-bad-request.txt"), Files.readString(Path.of("facts/examples/initial-sync/bad-request-docs-example.txt")));
        Files.writeString(cases.resolve("b-unknown.log"), "The quantum flux capacitor on table msdyn_widgets could not be aligned.");
        Files.writeString(cases.resolve("c-broken.json"), "{\"case\": \"c\", \"error\": ");
        Files.writeString(cases.resolve("d-export.csv"), "case_id,map,occurrences,message\n"
                + "x1,Vendors V2,2,\"" + BAD_REQUEST + "\"\n"
                + "x2,,,\"unrecognised text\"\n"
                + "x3,too\n"
                + "x4,Customers V3,1,\"" + BAD_REQUEST + "\"\n");
        Path nested = Files.createDirectories(cases.resolve("e-nested"));
        Files.writeString(nested.resolve("running.json"), "{\"case\": \"ok\", \"map\": \"Customers V3\", \"status\": \"Running\"}");
        Files.writeString(cases.resolve("f-forbidden.txt"), Files.readString(Path.of("facts/examples/initial-sync/forbidden-docs-example.txt")));
        CliRun r = batch(reference, false);
        assertThat(r.exitCode()).as(r.err()).isZero();
        full = Files.readString(reference.resolve("out.jsonl"));
        fullSummary = (ObjectNode) JSON.readTree(reference.resolve("summary.json").toFile());
        fullSummary.remove("run"); // times and paths
        assertThat(full.lines()).hasSize(9);
    }

    private static CliRun batch(Path dir, boolean resume) {
        Stream<String> args = Stream.of("--format", "json", "--threads", "2", "--out", dir.resolve("out.jsonl").toString(),
                "--summary", dir.resolve("summary.json").toString(), cases.toString());
        return CliRun.of(Stream.concat(Stream.of("batch"), resume ? Stream.concat(Stream.of("--resume"), args) : args)
                .toArray(String[]::new));
    }

    /** The temporary output a run that no longer runs left for out.jsonl, holding {@code content}. */
    private static Path interrupted(Path dir, String content) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path left = dir.resolve(".out.jsonl." + p.pid() + "-00aa11bb22cc.partial");
        Files.writeString(left, content, StandardCharsets.UTF_8);
        return left;
    }

    private static String firstLines(int n) {
        StringBuilder b = new StringBuilder();
        full.lines().limit(n).forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    @ParameterizedTest(name = "cut after {0} records")
    @ValueSource(ints = {0, 1, 4, 5, 7, 8, 9})
    void aRunCutBetweenRecordsIsContinuedToTheSameOutput(int records, @TempDir Path dir) throws Exception {
        Path left = interrupted(dir, firstLines(records));
        CliRun r = batch(dir, true);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.jsonl"))).isEqualTo(full);
        assertThat(left).doesNotExist();
        ObjectNode summary = (ObjectNode) JSON.readTree(dir.resolve("summary.json").toFile());
        summary.remove("run");
        assertThat(summary).isEqualTo(fullSummary);
        assertThat(r.err()).contains("kept from the interrupted run");
    }

    @Test
    void aRunCutInTheMiddleOfALineLosesNothing(@TempDir Path dir) throws Exception {
        String line6 = full.lines().skip(5).findFirst().orElseThrow();
        interrupted(dir, firstLines(5) + line6.substring(0, line6.length() / 2));
        CliRun r = batch(dir, true);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.jsonl"))).isEqualTo(full);
    }

    @Test
    void recordsOfOtherInputsAreRefusedNotMixedIn(@TempDir Path dir) throws Exception {
        String other = full.replace(cases.toString(), "/elsewhere");
        interrupted(dir, other);
        CliRun r = batch(dir, true);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("do not follow the inputs given").contains("without --resume");
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }

    @Test
    void aFileThatIsNotRecordsIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        interrupted(dir, firstLines(2) + "source,status\n" + firstLines(1));
        CliRun r = batch(dir, true);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("out.jsonl:3: not a record of syncdoctor batch");
    }

    @Test
    void withNothingToResumeEveryInputIsEvaluated(@TempDir Path dir) throws Exception {
        CliRun r = batch(dir, true);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("no interrupted run's records");
        assertThat(Files.readString(dir.resolve("out.jsonl"))).isEqualTo(full);
    }

    @Test
    void aPlainRunRemovesWhatAnInterruptedRunLeft(@TempDir Path dir) throws Exception {
        Path left = interrupted(dir, firstLines(3));
        CliRun r = batch(dir, false);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(left).doesNotExist();
        assertThat(Files.readString(dir.resolve("out.jsonl"))).isEqualTo(full);
    }

    @Test
    void resumeNeedsAJsonLinesFileOfFileInputs(@TempDir Path dir) {
        for (List<String> args : List.of(
                List.of("batch", "--resume", "--format", "json", cases.toString()),
                List.of("batch", "--resume", "--out", dir.resolve("o.txt").toString(), cases.toString()),
                List.of("batch", "--resume", "--format", "json", "--out", dir.resolve("o.jsonl").toString(), "-"))) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(args.toString()).isEqualTo(2);
            assertThat(r.err()).contains("--resume continues the JSON Lines file of an interrupted run");
        }
    }
}
