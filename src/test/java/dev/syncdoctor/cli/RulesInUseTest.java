package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncdoctor.TestFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output names the rules that produced it: the folder (or the bundled copy) and a hash of their content. */
class RulesInUseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "facts/examples/initial-sync/bad-request-docs-example.txt";

    @Test
    void everyDiagnoseFormatNamesTheFolderAndAContentHash(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("copy");
        TestFolders.copy(Path.of("rules"), copy);
        JsonNode shipped = JSON.readTree(CliRun.of("diagnose", "--no-cache", "--format", "json", EXAMPLE).out()).get("rules");
        assertThat(shipped.get("folder").asText()).isEqualTo("rules");
        assertThat(shipped.get("hash").asText()).matches("[0-9a-f]{16}");

        CliRun json = CliRun.of("diagnose", "--no-cache", "--rules", copy.toString(), "--format", "json", EXAMPLE);
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.fieldNames()).toIterable().last().isEqualTo("rules");
        assertThat(root.at("/rules/folder").asText()).isEqualTo(copy.toString());
        // Content, not place or time: the same files elsewhere have the same hash.
        assertThat(root.at("/rules/hash").asText()).isEqualTo(shipped.get("hash").asText());

        String hash = shipped.get("hash").asText();
        CliRun text = CliRun.of("diagnose", "--no-cache", "--rules", copy.toString(), EXAMPLE);
        assertThat(text.out()).endsWith("\nrules: " + copy + " (hash " + hash + ")\n");
        CliRun markdown = CliRun.of("diagnose", "--no-cache", "--rules", copy.toString(), "--format", "markdown", EXAMPLE);
        assertThat(markdown.out()).contains("*Rules:* `" + copy + "`, hash `" + hash + "`");

        // An analyst's edit shows as another hash.
        Path issues = copy.resolve("issues.drl.csv");
        Files.writeString(issues, Files.readString(issues) + "\n");
        JsonNode edited = JSON.readTree(CliRun.of("diagnose", "--no-cache", "--rules", copy.toString(), "--format", "json", EXAMPLE).out());
        assertThat(edited.at("/rules/hash").asText()).matches("[0-9a-f]{16}").isNotEqualTo(hash);
    }

    @Test
    void batchSummaryAndHtmlReportNameTheRules(@TempDir Path tmp) throws Exception {
        Path summary = tmp.resolve("summary.json");
        Path html = tmp.resolve("report.html");
        Path out = tmp.resolve("results.jsonl");
        CliRun r = CliRun.of("batch", "--no-cache", "--out", out.toString(), "--summary", summary.toString(), "--html", html.toString(), EXAMPLE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rules = JSON.readTree(summary.toFile()).at("/run/rules");
        assertThat(rules.get("folder").asText()).isEqualTo("rules");
        String hash = rules.get("hash").asText();
        assertThat(hash).matches("[0-9a-f]{16}");
        assertThat(Files.readString(html)).contains("rules: rules (hash " + hash + ")");
    }

    /**
     * Run as a separate program: the default folder depends on the working folder, the environment and
     * what the launcher says about itself, none of which a test may change in its own process.
     */
    @Test
    void theInstallationsRulesServeFromAnyFolderAndTheEnvironmentSetsTheDefault(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path install = Files.createDirectories(tmp.resolve("install"));
        TestFolders.copy(Path.of("rules"), install.resolve("rules"));
        Path example = Path.of(EXAMPLE).toAbsolutePath();
        String cache = tmp.resolve("cache").toString();

        // Run from a folder without rules/: the rules beside the launcher answer, not the bundled copy,
        // so an analyst's edits there are never ignored unnoticed.
        Run installed = java(elsewhere, Map.of(), install, "diagnose", "--cache-dir", cache, "--format", "json", example.toString());
        assertThat(installed.exit()).as(installed.err()).isZero();
        assertThat(JSON.readTree(installed.out()).at("/rules/folder").asText()).isEqualTo(install.resolve("rules").toString());
        assertThat(installed.err()).isEmpty();

        Run bundled = java(elsewhere, Map.of(), tmp.resolve("no-rules-here"), "diagnose", "--cache-dir", cache, "--format", "json",
                example.toString());
        assertThat(bundled.exit()).as(bundled.err()).isZero();
        assertThat(JSON.readTree(bundled.out()).at("/rules/folder").asText()).isEqualTo("bundled");

        Run fromEnv = java(elsewhere, Map.of("SYNCDOCTOR_RULES", install.resolve("rules").toString()), install,
                "diagnose", "--cache-dir", cache, "--format", "json", example.toString());
        assertThat(fromEnv.exit()).as(fromEnv.err()).isZero();
        assertThat(JSON.readTree(fromEnv.out()).at("/rules/folder").asText()).isEqualTo(install.resolve("rules").toString());
        assertThat(fromEnv.err()).isEmpty();

        // --rules comes before the environment.
        Path other = tmp.resolve("other");
        TestFolders.copy(Path.of("rules"), other);
        Run flag = java(elsewhere, Map.of("SYNCDOCTOR_RULES", install.resolve("rules").toString()), install,
                "diagnose", "--cache-dir", cache, "--rules", other.toString(), "--format", "json", example.toString());
        assertThat(JSON.readTree(flag.out()).at("/rules/folder").asText()).isEqualTo(other.toString());

        Run missing = java(elsewhere, Map.of("SYNCDOCTOR_RULES", tmp.resolve("nowhere").toString()), install,
                "diagnose", "--cache-dir", cache, example.toString());
        assertThat(missing.exit()).isEqualTo(ExitCode.RULES);
        assertThat(missing.err().strip()).isEqualTo("syncdoctor: $SYNCDOCTOR_RULES: " + tmp.resolve("nowhere") + ": rules folder not found");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run java(Path workingFolder, Map<String, String> env, Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsyncdoctor.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingFolder.toFile());
        pb.environment().remove("SYNCDOCTOR_RULES");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workingFolder, "out", ".txt");
        Path err = Files.createTempFile(workingFolder, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("diagnose did not end");
        }
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
