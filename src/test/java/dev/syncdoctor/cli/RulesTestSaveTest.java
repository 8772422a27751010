package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules test --save} checks where the baseline goes before any example runs, and saves one that {@code --baseline} reads back. */
class RulesTestSaveTest {
    @TempDir
    static Path facts;

    @BeforeAll
    static void twoExamples() throws Exception {
        for (String name : new String[] {"bad-request-docs-example", "forbidden-docs-example"}) {
            for (String ext : new String[] {".txt", ".expected.json"}) {
                Path from = Path.of("facts/examples", name + ext);
                if (!Files.exists(from)) {
                    from = findExample(name + ext);
                }
                Files.copy(from, facts.resolve(name + ext));
            }
        }
    }

    private static Path findExample(String fileName) throws Exception {
        try (var files = Files.walk(Path.of("facts/examples"))) {
            return files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst().orElseThrow();
        }
    }

    @Test
    void aSavedBaselineReadsBackWithNoChanges(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("runs/before.json");
        CliRun saved = CliRun.of("rules", "test", "--facts", facts.toString(), "--save", baseline.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(saved.out()).contains("saved baseline: " + baseline).endsWith("2 passed, 0 failed\n");
        CliRun again = CliRun.of("rules", "test", "--facts", facts.toString(), "--baseline", baseline.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("changes since " + baseline + ": 0");
    }

    @Test
    void aFolderAsTheBaselineFailsBeforeAnyExampleRuns(@TempDir Path dir) {
        CliRun r = CliRun.of("rules", "test", "--facts", facts.toString(), "--save", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("PASS");
        assertThat(r.err().strip()).isEqualTo("syncdoctor: --save " + dir + ": is a folder, expected a file to write");
    }

    @Test
    void aBaselineInsideTheFactsFolderIsRefused() {
        Path inside = facts.resolve("baseline.json");
        CliRun r = CliRun.of("rules", "test", "--facts", facts.toString(), "--save", inside.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("PASS");
        assertThat(r.err()).contains("is inside the input folder").doesNotContain("\n\n");
        assertThat(inside).doesNotExist();
    }
}
