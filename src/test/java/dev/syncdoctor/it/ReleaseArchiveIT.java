package dev.syncdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive built by {@code mvn package}, as someone who does not build uses it: unpacked
 * anywhere, {@code bin/syncdoctor} runs the jar of {@code lib/} (nothing is built) and reads the
 * release's {@code rules/}, which can be edited in place.
 */
class ReleaseArchiveIT {
    /** The project's version, as the build names the archive after it. */
    private static final String VERSION = System.getProperty("syncdoctor.version", "0.1.0");
    private static final String TOP = "syncdoctor-" + VERSION + "/";
    private static final String EXAMPLE = "facts/examples/initial-sync/bad-request-docs-example.txt";

    @TempDir
    Path work;

    private static Path tarball() {
        return Path.of(System.getProperty("syncdoctor.release", "target/syncdoctor-" + VERSION + ".tar.gz")).toAbsolutePath();
    }

    private static Path zip() {
        return Path.of(System.getProperty("syncdoctor.release.zip", "target/syncdoctor-" + VERSION + ".zip")).toAbsolutePath();
    }

    /** The files every release holds; rules/ is checked against the repository's rules/ in full. */
    private static Set<String> expectedFiles() throws IOException {
        Set<String> files = new TreeSet<>(List.of(TOP + "bin/syncdoctor", TOP + "bin/syncdoctor.cmd",
                TOP + "lib/syncdoctor.jar", TOP + "README.md"));
        Path rules = Path.of("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> files.add(TOP + "rules/" + rules.relativize(f).toString().replace('\\', '/')));
        }
        return files;
    }

    @Test
    void theZipHoldsTheLaunchersTheJarTheRulesAndTheReadme() throws IOException {
        Set<String> files = new TreeSet<>();
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            Collections.list(zip.entries()).stream().filter(e -> !e.isDirectory()).forEach(e -> files.add(e.getName()));
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(expectedFiles());
    }

    @Test
    void theUnpackedReleaseRunsItsJarWithItsOwnRulesFromAnyFolder() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh"))
                && (Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar"))), "needs a Unix shell and tar");
        Path install = Files.createDirectories(work.resolve("opt"));
        Run untar = run(install, List.of("tar", "-xzf", tarball().toString()));
        assertThat(untar.exitCode()).as(untar.err()).isZero();
        Path home = install.resolve(TOP);
        Set<String> unpacked = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(install)) {
            walk.filter(Files::isRegularFile).forEach(f -> unpacked.add(install.relativize(f).toString()));
        }
        assertThat(unpacked).containsExactlyInAnyOrderElementsOf(expectedFiles());
        Path launcher = home.resolve("bin/syncdoctor");
        assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/syncdoctor.cmd"))).contains("\r\n");

        // A folder of the user's, with no rules/ of its own, and the release's rules edited in place.
        Path cases = Files.createDirectories(work.resolve("cases"));
        Files.copy(Path.of(EXAMPLE), cases.resolve("ticket.txt"));
        Path issues = home.resolve("rules/issues.drl.csv");
        String table = Files.readString(issues, StandardCharsets.UTF_8);
        String title = "The AX export failed with 400 Bad Request";
        assertThat(table).contains(title);
        Files.writeString(issues, table.replace(title, "Edited in the release: " + title), StandardCharsets.UTF_8);

        Run diagnosed = run(cases, List.of(launcher.toString(), "diagnose", "--no-cache", "ticket.txt"));
        assertThat(diagnosed.exitCode()).as(diagnosed.err()).isZero();
        assertThat(diagnosed.out()).contains("dixf-service-stopped").contains("Edited in the release: " + title);
        assertThat(diagnosed.err()).doesNotContain("building the program");
        assertThat(Files.exists(home.resolve("target"))).as("the release never builds").isFalse();

        Run version = run(cases, List.of(launcher.toString(), "--version"));
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("syncdoctor " + VERSION);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(Path dir, List<String> command) throws Exception {
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("XDG_CACHE_HOME", work.resolve("cache-home").toString());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
