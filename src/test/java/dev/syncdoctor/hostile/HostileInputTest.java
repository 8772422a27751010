package dev.syncdoctor.hostile;

import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.ingest.CaseEntry;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.model.CaseFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every hostile input through the library ({@link CaseReader}) and the CLI ({@code diagnose}): a clear
 * line naming the file (and line and column where there is one), exit 2 for unreadable input and 4 for
 * rules that misbehave, no stack trace unless --verbose, and bounded time.
 */
class HostileInputTest {
    @TempDir
    static Path corpusDir;
    @TempDir
    static Path rulesDir;

    static List<HostileCorpus.Entry> corpus;

    @BeforeAll
    static void write() {
        corpus = HostileCorpus.writeTo(corpusDir);
        MisbehavingRules.writeTo(rulesDir);
    }

    private static Path file(String name) {
        return corpusDir.resolve(name);
    }

    @TestFactory
    Stream<DynamicTest> theLibraryReadsOrRefusesEachInputWithOneLine() {
        CaseReader reader = new CaseReader(CaseReader.DEFAULT_MAX_BYTES);
        return corpus.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            Path f = file(e.name());
            boolean refused = e.exitCode() == 2 && !e.reason().startsWith("no error text");
            if (e.name().endsWith(".csv")) {
                // A CSV export: the readable cases are kept, the unreadable stretch is one located problem.
                List<CaseEntry> entries = reader.entries(f);
                assertThat(entries).anyMatch(CaseEntry::ok);
                assertThat(entries).filteredOn(x -> !x.ok()).singleElement()
                        .satisfies(x -> assertThat(x.problem().getMessage()).contains(e.reason()).doesNotContain("\n"));
            } else if (refused) {
                InputException x = catchThrowableOfType(InputException.class, () -> reader.read(f));
                assertThat(x).as("refused").isNotNull();
                assertThat(x.getMessage()).startsWith(f.toString()).contains(e.reason()).doesNotContain("\n");
                assertThat(x.getFile()).isEqualTo(f.toString());
            } else {
                List<CaseFacts> cases = reader.read(f);
                assertThat(cases).hasSize(1);
                if (e.exitCode() == 2) {
                    assertThat(cases.get(0).getErrors()).as("a case without error text").isEmpty();
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> diagnoseGivesOneLineAndTheRightExitCode() {
        return corpus.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            Path f = file(e.name());
            Cli r = e.usesMisbehavingRules()
                    ? Cli.run("diagnose", f.toString(), "--rules", rulesDir.toString(), "--time-limit", "2000")
                    : Cli.run("diagnose", f.toString());
            if (e.exitCode() >= 0) {
                assertThat(r.exitCode()).as(r.err()).isEqualTo(e.exitCode());
            } else {
                // Adversarial text: evaluated (many errors may meet the rules' limits), never an input error.
                assertThat(r.exitCode()).as(r.err()).isIn(0, 3, 4);
                assertThat(r.errLines()).hasSizeLessThanOrEqualTo(1);
            }
            assertThat(r.hasStackTrace()).as(r.err()).isFalse();
            if (e.exitCode() == 2 || e.exitCode() == 4 || e.exitCode() == 5) {
                assertThat(r.errLines()).as(r.err()).hasSize(1);
                assertThat(r.errLines().get(0)).startsWith("syncdoctor: " + f).contains(e.reason());
                if (!e.usesMisbehavingRules() && !e.reason().startsWith("no error text")) {
                    // Where in the file, when the format has lines: "file:line:col: reason".
                    assertThat(r.errLines().get(0)).as("location").satisfiesAnyOf(
                            l -> assertThat(l).containsPattern("^syncdoctor: [^:]+:\\d+:\\d+: "),
                            l -> assertThat(e.name()).doesNotEndWith(".json").doesNotEndWith(".yaml"));
                }
            }
            assertThat(r.millis()).as("time").isLessThan(60_000);
        }));
    }

    @Test
    void unknownFieldsAreAWarningNotAFailure() {
        Cli r = Cli.run("diagnose", file("unknown-field.json").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("unknown field 'colour' ignored");
    }

    @Test
    void anEmptyTextWithAStatusIsACaseWithoutErrorText() {
        Cli running = Cli.run("diagnose", file("empty.txt").toString(), "--status", "Running", "--format", "json");
        assertThat(running.exitCode()).as(running.err()).isZero();
        assertThat(running.out()).containsPattern("\"status\" ?: ?\"healthy\"");
        Cli notRunning = Cli.run("diagnose", file("empty.txt").toString(), "--status", "Not running", "--format", "json");
        assertThat(notRunning.exitCode()).as(notRunning.err()).isIn(0, 3);
        assertThat(notRunning.out()).doesNotContainPattern("\"status\" ?: ?\"invalid\"");
    }

    @Test
    void aJsonCaseWithoutErrorTextIsACase() {
        Cli r = Cli.run("diagnose", file("status-only.json").toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\"status\" ?: ?\"healthy\"");
    }

    @Test
    void verboseShowsTheStackTrace() {
        Cli r = Cli.run("diagnose", file("malformed.json").toString(), "--verbose");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.hasStackTrace()).as(r.err()).isTrue();
        assertThat(r.err()).contains("syncdoctor: " + file("malformed.json"));
    }

    @Test
    void theSizeLimitIsAFlag() throws Exception {
        Path small = Files.writeString(corpusDir.resolve("small.txt"), HostileCorpus.BAD_REQUEST);
        Cli r = Cli.run("diagnose", small.toString(), "--max-input-bytes", "10");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("syncdoctor: " + small + ": input is larger than the limit of 10 bytes (10 bytes)");
        assertThat(Cli.run("diagnose", small.toString(), "--max-input-bytes", String.valueOf(Files.size(small))).exitCode()).isZero();
    }

    @Test
    void theLibraryReadsNoMoreThanTheLimitFromAnEndlessStream() {
        CaseReader reader = new CaseReader(1024);
        java.io.InputStream endless = new java.io.InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                if (served > 1_000_000) {
                    throw new AssertionError("read past the limit");
                }
                return 'a';
            }
        };
        assertThatThrownBy(() -> reader.read("-", endless)).isInstanceOf(InputException.class)
                .hasMessage("-: input is larger than the limit of 1 KB (1024 bytes)");
    }

    @Test
    void badLimitsAreUsageErrors() {
        Cli r = Cli.run("diagnose", file("status-only.json").toString(), "--max-firings", "0");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        Cli t = Cli.run("diagnose", file("status-only.json").toString(), "--time-limit", "-5");
        assertThat(t.exitCode()).as(t.err()).isEqualTo(2);
        Cli m = Cli.run("diagnose", file("status-only.json").toString(), "--max-input-bytes", "0");
        assertThat(m.exitCode()).as(m.err()).isEqualTo(2);
        assertThat(m.hasStackTrace()).isFalse();
    }
}
