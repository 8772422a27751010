package dev.syncdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Unix launcher {@code ./syncdoctor} as people and job runners use it: it becomes java (so a signal
 * reaches the program and a command never runs twice) and names non-ASCII files under the C locale.
 */
class LauncherIT {
    @TempDir
    Path work;

    static Path launcher() {
        return Path.of("syncdoctor").toAbsolutePath();
    }

    private ProcessBuilder launch(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().put("XDG_CACHE_HOME", work.resolve("cache-home").toString());
        pb.environment().putAll(env);
        return pb;
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        Process p = launch(env, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherBecomesJavaSoASignalStopsTheRunAndTheOldOutputStays() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc to see what a process runs");
        // Warm the caches first: an older launcher only stayed in between once a cache existed.
        for (int i = 0; i < 2; i++) {
            assertThat(run(Map.of(), "diagnose", "facts/examples/initial-sync/bad-request-docs-example.txt").exitCode()).isZero();
        }
        Path out = work.resolve("out.jsonl");
        Files.writeString(out, "previous run\n");
        Process p = launch(Map.of(), "batch", "-", "--format", "json", "--out", out.toString())
                .redirectOutput(work.resolve("o").toFile()).redirectError(work.resolve("e").toFile()).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write("{\"case\": \"one\", \"error\": \"(400) Bad Request AX export encountered an error\"}\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            // The launcher's own pid now runs java: nothing stands between a signal and the program.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Optional<String> exe = Optional.empty();
            while (System.nanoTime() < deadline) {
                exe = Optional.ofNullable(readLink(Path.of("/proc", Long.toString(p.pid()), "exe")));
                if (exe.isPresent() && exe.get().endsWith("/java")) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(exe).hasValueSatisfying(e -> assertThat(e).endsWith("/java"));
            assertThat(p.descendants().count()).as("processes started by the launcher").isZero();
            p.destroy(); // SIGTERM, as a job runner's timeout sends it
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isNotZero();
        Thread.sleep(500);
        assertThat(Files.readString(out)).isEqualTo("previous run\n");
        try (var files = Files.list(work)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    private static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Test
    void aNonAsciiFileNameWorksUnderTheCLocale() throws Exception {
        Path file = work.resolve("café.txt");
        Files.copy(Path.of("facts/examples/initial-sync/bad-request-docs-example.txt"), file);
        Run r = run(Map.of("LANG", "C", "LC_ALL", "", "LC_CTYPE", ""), "diagnose", "--format", "json", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"case\" : \"café\"").contains("dixf-service-stopped");
        assertThat(r.err()).doesNotContain("internal error");
    }

    /** Short commands run on the JIT's quick tier only; the server keeps the full JIT; the user's options win. */
    @Test
    void shortCommandsUseTheQuickJitAndTheServerTheFullOne() throws Exception {
        Map<String, String> printFlags = Map.of("SYNCDOCTOR_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        Run version = run(printFlags, "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).contains("-XX:TieredStopAtLevel=1");
        Run serveHelp = run(printFlags, "serve", "--help");
        assertThat(serveHelp.exitCode()).as(serveHelp.err()).isZero();
        assertThat(serveHelp.out()).doesNotContain("TieredStopAtLevel");
        Run overridden = run(Map.of("SYNCDOCTOR_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4"), "--version");
        assertThat(overridden.out()).contains("-XX:TieredStopAtLevel=4");
    }

    private Path classArchives() {
        return work.resolve("cache-home").resolve("syncdoctor").resolve("classes");
    }

    private List<Path> archivesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /** The first diagnose writes a class-data archive; later runs map it (their classes come from it). */
    @Test
    void theFirstDiagnoseWritesAClassDataArchiveThatLaterRunsUse() throws Exception {
        String example = "facts/examples/initial-sync/bad-request-docs-example.txt";
        Run first = run(Map.of(), "diagnose", example);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("dixf-service-stopped");
        List<Path> archives = archivesIn(classArchives());
        assertThat(archives).as("archives written").hasSize(1);
        Path archive = archives.get(0);
        assertThat(archive.getFileName().toString()).endsWith("-" + Files.size(archive) + ".jsa");

        Path classLog = work.resolve("classes.log");
        Run second = run(Map.of("SYNCDOCTOR_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "diagnose", example);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).doesNotContain("preparing");
        assertThat(Files.readString(classLog)).containsPattern("dev\\.syncdoctor\\.cli\\.Main source: shared objects file \\(top\\)");
        assertThat(archivesIn(classArchives())).containsExactly(archive);
    }

    /** Java 17 aborts on a cut archive: the launcher deletes one whose size is not the one it verified. */
    @Test
    void aCutClassDataArchiveIsDeletedNeverHandedToJava() throws Exception {
        String example = "facts/examples/initial-sync/bad-request-docs-example.txt";
        assertThat(run(Map.of(), "diagnose", example).exitCode()).isZero();
        Path archive = archivesIn(classArchives()).get(0);
        archive.toFile().setWritable(true);
        try (var channel = java.nio.channels.FileChannel.open(archive, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(archive) / 2);
        }
        Run cut = run(Map.of(), "diagnose", example);
        assertThat(cut.exitCode()).as(cut.err()).isZero();
        assertThat(cut.out()).contains("dixf-service-stopped");
        assertThat(archive).doesNotExist();
        Run again = run(Map.of(), "diagnose", example);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(archivesIn(classArchives())).hasSize(1);
    }

    /** An archive is code the program runs: in a folder others may write to, it is never mapped. */
    @Test
    void aClassDataArchiveOthersCanReplaceIsNeverUsed() throws Exception {
        String example = "facts/examples/initial-sync/bad-request-docs-example.txt";
        assertThat(run(Map.of(), "diagnose", example).exitCode()).isZero();
        Path archive = archivesIn(classArchives()).get(0);
        Files.setPosixFilePermissions(classArchives(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path classLog = work.resolve("classes.log");
        Run r = run(Map.of("SYNCDOCTOR_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "diagnose", example);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("dixf-service-stopped");
        assertThat(Files.readString(classLog)).contains("dev.syncdoctor.cli.Main source: ").doesNotContain("shared objects file (top)");
        assertThat(archive).exists();
    }

    /** Training uses the bundled rules: a rules folder being edited where the first diagnose runs cannot spoil it. */
    @Test
    void aBrokenRulesFolderWhereTheFirstDiagnoseRunsDoesNotSpoilTheArchive() throws Exception {
        Path analyst = Files.createDirectories(work.resolve("analyst"));
        Files.createDirectories(analyst.resolve("rules"));
        Files.writeString(analyst.resolve("rules/draft.drl"), "rule broken\n");
        Path example = Path.of("facts/examples/initial-sync/bad-request-docs-example.txt").toAbsolutePath();
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        Process p = launch(Map.of(), "diagnose", example.toString()).directory(analyst.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isEqualTo(4); // the user's own rules do not compile
        assertThat(archivesIn(classArchives())).hasSize(1);

        Path classLog = work.resolve("classes.log");
        Run r = run(Map.of("SYNCDOCTOR_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "diagnose", example.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(classLog)).contains("dev.syncdoctor.engine.CaseEvaluator source: shared objects file (top)");
    }

    /** One training at a time: a command started while another trains goes on at once, without an archive. */
    @Test
    void aCommandStartedWhileAnotherTrainsDoesNotWaitForIt() throws Exception {
        Files.createDirectories(classArchives().resolve(".training.lock"));
        Run r = run(Map.of(), "diagnose", "facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("dixf-service-stopped");
        assertThat(r.err()).doesNotContain("preparing");
        assertThat(archivesIn(classArchives())).isEmpty();
    }

    @Test
    void noClassDataArchiveWhenTurnedOff() throws Exception {
        Run r = run(Map.of("SYNCDOCTOR_CDS", "off"), "diagnose", "facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("preparing");
        assertThat(archivesIn(classArchives())).isEmpty();
    }
}
