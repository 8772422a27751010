package dev.syncdoctor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in Spark local mode, on Spark's own classpath (the shaded job jar, Spark at its own library
 * versions), against {@code batch} run from the CLI jar on the same corpus: the same records, and a summary
 * with the same counts.
 */
class SparkJobIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("syncdoctor-it")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /**
     * Local folders are listed by the job itself and their files read by the tasks (Hadoop's located
     * listing starts a process per file on a machine without its native library; Spark's whole-file reader
     * is quadratic in the files of a split): file names with spaces, glob characters and commas are read as
     * they are, names starting with a dot and other extensions are skipped, as batch does.
     */
    @Test
    void aLocalFolderWithOddNamesGivesTheRecordsOfBatch() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("odd names"));
        String forbidden = "The remote server returned an error: (403) Forbidden. AX export encountered an error";
        Files.writeString(dir.resolve("a[1] b.txt"), forbidden);
        Files.writeString(dir.resolve("c{x}*?.log"), "Unheard-of failure 7 in module Y");
        Files.writeString(dir.resolve(".hidden.txt"), forbidden);
        Files.writeString(dir.resolve("notes.md"), "not an input");
        Files.createDirectories(dir.resolve("nested/deeper"));
        Files.writeString(dir.resolve("nested/deeper/d.txt"), forbidden);
        Files.createDirectories(dir.resolve("empty"));

        Cli batch = Cli.run(null, "batch", dir.toString(), "--format", "json");
        assertThat(batch.exitCode()).as(batch.toString()).isZero();
        Path out = job("--input", dir.toString(), "--format", "text");
        assertThat(sorted(records(out))).isEqualTo(sorted(lines(batch.out()))).hasSize(3);

        Path none = job("--input", dir.resolve("empty").toString(), "--format", "text");
        assertThat(records(none)).isEmpty();

        Files.writeString(dir.resolve("nested/e,f.txt"), forbidden);
        Cli batchComma = Cli.run(null, "batch", dir.toString(), "--format", "json");
        Path comma = job("--input", dir.toString(), "--format", "text");
        assertThat(sorted(records(comma))).isEqualTo(sorted(lines(batchComma.out()))).hasSize(4);
    }

    /** The job jar carries the engine and its libraries, not the CLI's web workbench and its server. */
    @Test
    void theJobJarLeavesTheWebServerOut() throws IOException {
        Path jar = Path.of("spark/target/syncdoctor-spark.jar");
        List<String> entries = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            zip.stream().forEach(e -> entries.add(e.getName()));
        }
        assertThat(entries).contains("dev/syncdoctor/spark/SparkJob.class", "dev/syncdoctor/api/SyncDoctor.class",
                "org/drools/modelcompiler/CanonicalKieModule.class");
        assertThat(entries).noneMatch(e -> e.startsWith("io/javalin/") || e.startsWith("org/eclipse/jetty/")
                || e.startsWith("kotlin/") || e.startsWith("dev/syncdoctor/serve/") || e.startsWith("syncdoctor/web/"));
    }

    /** Spark logs at INFO; Drools on the driver and executors logs at the CLI's levels, not every compile. */
    @Test
    void droolsLogsOnlyWarningsInTheJob() {
        DroolsLogLevels.apply();
        assertThat(org.apache.logging.log4j.LogManager.getLogger("org.drools.compiler.Anything").isInfoEnabled()).isFalse();
        assertThat(org.apache.logging.log4j.LogManager.getLogger("org.kie.api").isWarnEnabled()).isTrue();
        assertThat(org.apache.logging.log4j.LogManager.getLogger("org.drools.compiler.kie.builder.impl.KieProject")
                .isErrorEnabled()).isFalse();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** A CSV export: case a's rows apart, a row with a bad count, a row without an id, a case with context only. */
    private static Path export() throws IOException {
        Path csv = tmp.resolve("exports/export.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, String.join("\n",
                "case_id,map,status,attempts,occurrences,roles,message",
                "a,Vendors V2,Not running,1,1,,\"Initial Sync completed with status Error.\nRecord Id: new record, ErrorMessage: (400) Bad Request, AX export encountered an error\"",
                "b,Customers V3,Not running,1,2,System admin,\"The remote server returned an error: (403) Forbidden. AX export encountered an error\"",
                "bad,Customers V3,Not running,two,1,,some text",
                ",Customers V3,Not running,1,1,,a row without id",
                "a,Vendors V2,,1,3,System admin,\"Something nobody has written a rule for: 12345\"",
                "c,Customers V3,Running,,,,",
                ""), StandardCharsets.UTF_8);
        return csv;
    }

    /** JSON Lines: cases, a blank line, a line that is not JSON, a broken JSON object. */
    private static Path jsonLines() throws IOException {
        Path jsonl = tmp.resolve("cases.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"case\":\"j1\",\"map\":\"Vendors V2\",\"status\":\"Not running\",\"attempts\":2,\"errors\":[\"(400) Bad Request AX export encountered an error\"]}",
                "",
                "{\"case\":\"j2\",\"status\":\"Running\"}",
                "not a case at all",
                "{\"case\":\"j3\",\"errors\":[\"Unheard-of failure 42 in module X\"]}",
                "{\"case\":\"j4\", \"attempts\": \"many\"",
                "{\"case\":\"j5\",\"map\":\"Customers V3\",\"status\":\"Not running\",\"roles\":[\"System admin\"],\"errors\":[\"The remote server returned an error: (403) Forbidden. AX export encountered an error\"]}",
                ""), StandardCharsets.UTF_8);
        return jsonl;
    }

    @Test
    void everyInputFormatGivesTheRecordsAndCountsOfBatch() throws Exception {
        Path csv = export();
        Path jsonl = jsonLines();

        Cli batchFiles = Cli.run(null, "batch", "facts/", csv.toString(), "--format", "json",
                "--summary", tmp.resolve("batch-files-summary.json").toString());
        assertThat(batchFiles.exitCode()).as(batchFiles.toString()).isZero();
        Cli batchLines = Cli.run(jsonl, "batch", "-", "--format", "json");
        assertThat(batchLines.exitCode()).as(batchLines.toString()).isZero();

        Path textOut = job("--input", "facts/", "--format", "text");
        Path csvOut = job("--input", csv.getParent().toString(), "--format", "csv");
        Path jsonlOut = job("--input", jsonl.toString(), "--format", "jsonl");

        List<String> expected = new ArrayList<>(lines(batchFiles.out()));
        // batch reads JSON Lines from standard input and names lines -:N; the job names them file:N.
        for (String l : lines(batchLines.out())) {
            expected.add(l.replace("\"-:", "\"" + jsonl + ":"));
        }
        List<String> actual = new ArrayList<>();
        actual.addAll(records(textOut));
        actual.addAll(records(csvOut));
        actual.addAll(records(jsonlOut));
        assertThat(sorted(actual)).isEqualTo(sorted(expected));
        assertThat(actual).anySatisfy(l -> assertThat(l).contains("\"status\":\"invalid\"", "export.csv:5"));

        // The counts of the summary over the files are the counts batch gives for them.
        JsonNode batchSummary = JSON.readTree(tmp.resolve("batch-files-summary.json").toFile());
        JsonNode text = JSON.readTree(textOut.resolve("summary.json").toFile());
        JsonNode exports = JSON.readTree(csvOut.resolve("summary.json").toFile());
        assertThat(text.get("records").asLong() + exports.get("records").asLong())
                .isEqualTo(batchSummary.get("records").asLong());
        // Both name the same rules: the same content hash as batch gives.
        assertThat(text.at("/run/rules/hash").asText()).matches("[0-9a-f]{16}").isEqualTo(batchSummary.at("/run/rules/hash").asText());
        for (String status : List.of("diagnosed", "unknown", "healthy", "invalid")) {
            assertThat(text.get("statuses").get(status).asLong() + exports.get("statuses").get(status).asLong())
                    .as(status).isEqualTo(batchSummary.get("statuses").get(status).asLong());
        }
        Map<String, Long> issues = counts(text.get("issues"), "issue", "cases");
        counts(exports.get("issues"), "issue", "cases").forEach((k, v) -> issues.merge(k, v, Long::sum));
        assertThat(issues).isEqualTo(counts(batchSummary.get("issues"), "issue", "cases"));
        Map<String, Long> unknown = counts(text.get("unknownSignatures"), "signature", "count");
        counts(exports.get("unknownSignatures"), "signature", "count").forEach((k, v) -> unknown.merge(k, v, Long::sum));
        assertThat(unknown).isNotEmpty().isEqualTo(counts(batchSummary.get("unknownSignatures"), "signature", "count"));
        Map<String, Long> invalid = counts(text.get("invalidReasons"), "signature", "count");
        counts(exports.get("invalidReasons"), "signature", "count").forEach((k, v) -> invalid.merge(k, v, Long::sum));
        assertThat(invalid).isEqualTo(counts(batchSummary.get("invalidReasons"), "signature", "count"));
    }

    @Test
    void rowsOfOneCaseInSeveralExportsFormOneCaseWhateverThePartitioning() throws Exception {
        Path dir = tmp.resolve("split");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("part-1.csv"), "case_id,map,status,message\n"
                + "s1,Vendors V2,Not running,\"(400) Bad Request, AX export encountered an error\"\n"
                + "s2,Customers V3,Running,\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("part-2.csv"), "case_id,attempts,roles,message\n"
                + "s1,2,System admin,\"An error no rule knows: 777\"\n", StandardCharsets.UTF_8);
        List<String> two = records(job("--input", dir.toString(), "--format", "csv", "--partitions", "2"));
        List<String> five = records(job("--input", dir.toString(), "--format", "csv", "--partitions", "5"));

        assertThat(sorted(two)).isEqualTo(sorted(five));
        assertThat(two).hasSize(2);
        String s1 = two.stream().filter(l -> l.contains("\"case\":\"s1\"")).findFirst().orElseThrow();
        JsonNode r = JSON.readTree(s1);
        assertThat(r.get("source").asText()).isEqualTo(dir + "/part-1.csv#s1");
        assertThat(r.get("status").asText()).isEqualTo("diagnosed");
        assertThat(r.get("unexplained")).hasSize(1);
        assertThat(s1).contains("\"held\":true");
    }

    @Test
    void parquetCasesInParquetRecordsOut() throws Exception {
        Path jsonl = jsonLines();
        Path parquetIn = tmp.resolve("cases.parquet");
        spark.read().option("mode", "DROPMALFORMED").json(jsonl.toString()).write().parquet(parquetIn.toString());

        Path out = job("--input", parquetIn.toString(), "--format", "parquet", "--output-format", "parquet");

        Dataset<Row> records = spark.read().parquet(out.resolve("records").toString());
        Map<String, String> status = new TreeMap<>();
        for (Row r : records.select("case", "status", "source").collectAsList()) {
            status.put(r.getString(0), r.getString(1));
            assertThat(r.getString(2)).startsWith(parquetIn + "/part-").endsWith("#" + r.getString(0));
        }
        // j4 has a count that is not a number: invalid, as the CLI says of such a case file.
        assertThat(status).containsEntry("j1", "diagnosed").containsEntry("j2", "healthy")
                .containsEntry("j3", "unknown").containsEntry("j5", "diagnosed");
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("records").asLong())
                .isEqualTo(records.count());
    }

    @Test
    void rulesThatDoNotCompileStopTheJobOnTheDriverWithFileAndLine() throws Exception {
        Path rules = tmp.resolve("broken-rules");
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = rules.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.writeString(rules.resolve("broken.drl"), "package dev.syncdoctor.rules;\n\nrule \"half\"\nwhen\n  then then\nend\n");
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("never-written");

        int code = SparkJob.run(new String[] {"--rules", rules.toString(), "--input", "facts/", "--format", "text",
                "--output", out.toString()}, spark, new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isEqualTo(4);
        assertThat(err.toString()).containsPattern("broken\\.drl:\\d+");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingInputOrAnExistingOutputIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = SparkJob.run(new String[] {"--input", tmp.resolve("nothing-here").toString(), "--format", "text",
                "--output", tmp.resolve("out-missing").toString()}, spark, new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nothing-here: no such file or folder").doesNotContain("Exception");

        StringWriter err2 = new StringWriter();
        int code2 = SparkJob.run(new String[] {"--input", "facts/", "--format", "text", "--output", tmp.toString()},
                spark, new PrintWriter(err2, true));
        assertThat(code2).isEqualTo(2);
        assertThat(err2.toString()).contains("already exists");
    }

    private static int runs;

    /** Runs the job on the shared session; returns its output folder. */
    private static Path job(String... args) {
        Path out = tmp.resolve("job-" + (++runs));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", out.toString()));
        StringWriter err = new StringWriter();
        int code = SparkJob.run(all.toArray(String[]::new), spark, new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out;
    }

    private static List<String> records(Path out) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out.resolve("records"))) {
            for (Path p : (Iterable<Path>) parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted()::iterator) {
                all.addAll(lines(Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return all;
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private static Map<String, Long> counts(JsonNode array, String key, String count) {
        Map<String, Long> out = new TreeMap<>();
        array.forEach(n -> out.put(n.get(key).asText(), n.get(count).asLong()));
        return out;
    }

    /** The CLI jar run as a user runs it, from the repository root. */
    record Cli(int exitCode, String out, String err) {
        static Cli run(Path stdin, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
            command.add(Path.of(System.getProperty("syncdoctor.jar", "target/syncdoctor.jar")).toAbsolutePath().toString());
            command.addAll(List.of(args));
            Path out = Files.createTempFile(tmp, "cli-out", ".txt");
            Path err = Files.createTempFile(tmp, "cli-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin != null) {
                pb.redirectInput(stdin.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("syncdoctor did not finish: " + command);
            }
            return new Cli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
