package dev.syncdoctor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syncdoctor.TestFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings of the reliability and security review, each through the CLI as a user meets it: outputs that
 * are not files, outputs checked after the whole run, rules that reach the system, inputs that are links
 * or FIFOs or endless lines, terminal escapes, partial files left by a killed run.
 */
class ReliabilityTest {
    private static final String EXAMPLE = "facts/examples/initial-sync/bad-request-docs-example.txt";

    @TempDir
    Path work;
    Path inputs;

    @BeforeEach
    void inputs() throws IOException {
        inputs = Files.createDirectory(work.resolve("inputs"));
        Files.copy(Path.of(EXAMPLE), inputs.resolve("one.txt"));
    }

    private static boolean posix(Path p) throws IOException {
        return Files.getFileStore(p).supportsFileAttributeView("posix");
    }

    private static Path mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        return p;
    }

    // ---- outputs

    @Test
    void anOutputThatIsAFifoIsRefusedBeforeAnythingIsReadAndStaysAFifo() throws Exception {
        Path fifo = mkfifo(work.resolve("out.fifo"));
        Cli r = Cli.run("batch", "--format", "json", "--out", fifo.toString(), inputs.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("--out").contains(fifo.toString()).contains("not a regular file");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void anOutputThatIsASymbolicLinkIsRefusedAndTheLinkAndItsFileStay() throws Exception {
        Path real = Files.writeString(work.resolve("real.jsonl"), "old\n");
        Path link = Files.createSymbolicLink(work.resolve("link.jsonl"), real);
        Cli r = Cli.run("batch", "--format", "json", "--out", link.toString(), inputs.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is a symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("old\n");
    }

    @Test
    void aReplacedOutputKeepsItsModeAndGroup() throws Exception {
        assumeTrue(posix(work), "needs Unix modes");
        Path out = Files.writeString(work.resolve("out.jsonl"), "old\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        Cli r = Cli.run("batch", "--format", "json", "--out", out.toString(), inputs.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains("dixf-service-stopped");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
    }

    @Test
    void aMissingSummaryFolderFailsBeforeTheRunAndLeavesTheRecordsFileAlone() throws Exception {
        Path out = Files.writeString(work.resolve("out.jsonl"), "previous\n");
        Cli r = Cli.run("batch", "--format", "json", "--out", out.toString(),
                "--summary", work.resolve("no/such/folder/summary.json").toString(), inputs.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("--summary").contains("no such folder");
        assertThat(Files.readString(out)).isEqualTo("previous\n");
    }

    @Test
    void oneFileForTwoOutputsIsRefused() throws Exception {
        Path same = work.resolve("same.out");
        Cli r = Cli.run("batch", "--format", "json", "--out", same.toString(), "--summary", same.toString(),
                "--html", same.toString(), inputs.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--summary").contains("also given to --out");
        assertThat(same).doesNotExist();
    }

    @Test
    void aSummaryInsideTheInputFolderIsRefusedSoTheNextRunDoesNotReadItAsACase() throws Exception {
        Cli r = Cli.run("batch", "--format", "json", "--summary", inputs.resolve("summary.json").toString(), inputs.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("inside the input folder");
        assertThat(inputs.resolve("summary.json")).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheOutputAndTheReasonBeforeTheRun() throws Exception {
        assumeTrue(posix(work), "needs Unix modes");
        Path locked = Files.createDirectory(work.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeTrue(!Files.isWritable(locked) || !"root".equals(System.getProperty("user.name")),
                "root writes into read-only folders: nothing to refuse");
        try {
            Cli r = Cli.run("batch", "--format", "json", "--out", locked.resolve("out.jsonl").toString(), inputs.toString());
            assertThat(r.exitCode()).isEqualTo(5);
            assertThat(r.errLines()).singleElement().asString().contains("--out " + locked.resolve("out.jsonl"))
                    .contains("permission denied").doesNotContain(".partial");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aPartialFileLeftByAKilledRunIsRemovedByTheNextRun() throws Exception {
        Path out = work.resolve("out.jsonl");
        // The name a run gives its temporary file, with the pid of a process that no longer runs.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.writeString(work.resolve(".out.jsonl." + gone.pid() + "-0123456789ab.partial"), "{\"half");
        Cli r = Cli.run("batch", "--format", "json", "--out", out.toString(), inputs.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(stale).doesNotExist();
        try (var files = Files.list(work)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("inputs", "out.jsonl");
        }
    }

    // ---- rules are code

    private Path rulesWith(String drl, boolean trusted) throws IOException {
        Path rules = work.resolve("rules");
        TestFolders.copy(Path.of("rules"), rules);
        Files.writeString(rules.resolve("core/planted.drl"), drl);
        if (trusted) {
            Files.writeString(rules.resolve("TRUSTED"), "reviewed\n");
        }
        return rules;
    }

    private static final String READS_PASSWD = """
            package dev.syncdoctor.rules.custom

            import dev.syncdoctor.model.*;

            rule "copy a secret"
            when
                SyncCase()
            then
                String s = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/etc/passwd")));
                new java.net.Socket("127.0.0.1", 9).getOutputStream().write(s.getBytes());
            end
            """;

    @Test
    void rulesCheckAndLoadingRefuseAConsequenceThatReachesFilesOrTheNetworkWithRuleAndLine() throws Exception {
        Path rules = rulesWith(READS_PASSWD, false);
        Cli check = Cli.run("rules", "check", "--rules", rules.toString());
        assertThat(check.exitCode()).isEqualTo(4);
        assertThat(check.err()).contains("core/planted.drl:9:").contains("rule 'copy a secret' uses java.nio")
                .contains("core/planted.drl:10:").contains("java.net");
        assertThat(check.out()).doesNotContain("OK");

        Cli diagnose = Cli.run("diagnose", "--no-cache", "--rules", rules.toString(), EXAMPLE);
        assertThat(diagnose.exitCode()).isEqualTo(4);
        assertThat(diagnose.err()).contains("rule 'copy a secret'").doesNotContain("dixf");

        // A folder marked trusted loads (rules check still says what the code reaches, as warnings).
        Files.writeString(rules.resolve("TRUSTED"), "reviewed\n");
        Cli trusted = Cli.run("rules", "check", "--rules", rules.toString());
        assertThat(trusted.err()).contains("warning: rule 'copy a secret' uses");
    }

    @Test
    void escapedOrCommentedForbiddenCallsAreSeenAsTheCompilerSeesThem() throws Exception {
        Path rules = rulesWith("""
                package dev.syncdoctor.rules.custom
                import dev.syncdoctor.model.*;
                // System.exit(1) in a comment is harmless
                rule "quiet exit"
                when
                    SyncCase( map != "System.exit" )
                then
                    System.\\u0065xit(0);
                end
                """, false);
        Cli check = Cli.run("rules", "check", "--rules", rules.toString());
        assertThat(check.exitCode()).isEqualTo(4);
        assertThat(check.err()).contains("core/planted.drl:8:").contains("rule 'quiet exit' uses System.exit")
                .doesNotContain("planted.drl:3:").doesNotContainPattern("planted\\.drl:6:\\d+ rule 'quiet exit' uses");
    }

    // ---- inputs

    @Test
    void aLinkInTheInputFolderToAFileElsewhereIsNotRead() throws Exception {
        Path secret = Files.writeString(work.resolve("secret.txt"), "Error: the root password is hunter2-secret\n");
        Files.createSymbolicLink(inputs.resolve("link.txt"), secret);
        Path summary = work.resolve("summary.json");
        Cli r = Cli.run("batch", "--format", "json", "--summary", summary.toString(), inputs.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("hunter2").contains("symbolic link to a file outside the input folders");
        assertThat(Files.readString(summary)).doesNotContain("hunter2");
        // Named on the command line, it is asked for: read.
        Cli asked = Cli.run("batch", "--format", "json", inputs.resolve("link.txt").toString());
        assertThat(asked.out()).contains("hunter2");
    }

    @Test
    void aFifoInABatchFolderIsAnInvalidRecordAtOnceAndDiagnoseRefusesOne() throws Exception {
        mkfifo(inputs.resolve("stalls.txt"));
        Cli r = Cli.run("batch", "--format", "json", "--time-limit", "60000", inputs.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out()).contains("not a regular file").doesNotContain("never returns");

        Cli d = Cli.run("diagnose", inputs.resolve("stalls.txt").toString());
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.errLines()).singleElement().asString().contains("stalls.txt").contains("not a regular file");
    }

    @Test
    void anOverlongLineOnStandardInputIsRefusedWithoutBeingHeld() throws Exception {
        String huge = "{\"error\": \"" + "x".repeat(5_000) + "\"}";
        String good = "{\"case\": \"fine\", \"error\": \"(400) Bad Request AX export encountered an error\"}";
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream((huge + "\n" + good + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Cli r = Cli.run("batch", "--format", "json", "--max-input-bytes", "1000", "-");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains("\"-:1\"").contains("longer than the input limit of 1000 bytes");
            assertThat(lines.get(1)).contains("\"-:2\"").contains("dixf-service-stopped");
        } finally {
            System.setIn(saved);
        }
    }

    // ---- terminals

    @Test
    void terminalEscapesInNamesReachTheTerminalNeutralised() throws Exception {
        String hostile = "evil\u001b]0;owned\u0007\u001b[2J";
        Path file = work.resolve(hostile + ".txt");
        Files.copy(Path.of(EXAMPLE), file);
        Cli text = Cli.run("diagnose", file.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("evil\\x1b]0;owned\\x07\\x1b[2J");

        Files.writeString(work.resolve("case.json"), "{\"case\": \"" + "x\\u001b[2J\\u009b31m" + "\", \"error\": \"(400) Bad Request AX export encountered an error\"}");
        Cli named = Cli.run("diagnose", "--format", "markdown", work.resolve("case.json").toString());
        assertThat(named.out()).doesNotContain("\u001b").doesNotContain("\u009b");
        Cli batch = Cli.run("batch", work.resolve("case.json").toString());
        assertThat(batch.out()).doesNotContain("\u001b").doesNotContain("\u009b");
    }

    @SuppressWarnings("unused")
    private static void giveToNobody(Path p) throws IOException {
        UserPrincipal nobody = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(p, nobody);
    }
}
