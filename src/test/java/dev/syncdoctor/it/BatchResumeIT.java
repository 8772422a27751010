package dev.syncdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch stopped by a signal half-way keeps the records it wrote, says how to continue, and
 * {@code --resume} finishes it to exactly the output of a run that was never stopped.
 */
class BatchResumeIT {

    @Test
    void aBatchStoppedBySigtermIsFinishedByResume(@TempDir Path dir) throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        String badRequest = Files.readString(Path.of("facts/examples/initial-sync/bad-request-docs-example.txt"));
        for (int i = 0; i < 600; i++) {
            StringBuilder text = new StringBuilder();
            if (i % 3 == 0) {
                text.append(badRequest).append('\n');
            }
            // Unknown lines make each record a few kilobytes, so records reach the file while the run goes on.
            for (int j = 0; j < 40; j++) {
                text.append("Widget alignment ").append(j).append(" failed on table msdyn_widget").append(i % 7)
                        .append(" with code W").append(j * 31 + i % 5).append('\n');
            }
            Files.writeString(cases.resolve(String.format("case-%05d.txt", i)), text, StandardCharsets.UTF_8);
        }
        Path out = dir.resolve("out.jsonl");

        Process stopped = start(dir, "batch", "--format", "json", "--threads", "1", "--out", out.toString(), cases.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (stopped.isAlive() && partialBytes(dir) < 50_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assumeTrue(stopped.isAlive(), "the batch finished before it could be stopped; nothing to resume on this machine");
        stopped.destroy(); // SIGTERM
        assertThat(stopped.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(stopped.exitValue() != 0, "the batch finished as it was being stopped; nothing to resume");
        String stoppedErr = Files.readString(dir.resolve("err-0.txt"));
        assertThat(stopped.exitValue()).as(stoppedErr).isEqualTo(6);
        assertThat(stoppedErr).contains("run the same command with --resume to continue");
        assertThat(out).doesNotExist();
        assertThat(partialBytes(dir)).isPositive();

        PackagedCli resumed = PackagedCli.run(dir, "batch", "--resume", "--format", "json", "--threads", "2",
                "--out", out.toString(), cases.toString());
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).containsPattern("; [1-9][0-9]* kept from the interrupted run");
        assertThat(partialBytes(dir)).isZero();

        Path reference = dir.resolve("reference.jsonl");
        PackagedCli whole = PackagedCli.run(dir, "batch", "--format", "json", "--out", reference.toString(), cases.toString());
        assertThat(whole.exitCode()).as(whole.toString()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(reference));
    }

    private static int started;

    private static Process start(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(PackagedCli.jar().toString());
        command.addAll(List.of(args));
        int n = started++;
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out-" + n + ".txt").toFile())
                .redirectError(dir.resolve("err-" + n + ".txt").toFile()).start();
    }

    /** Bytes in the temporary files of out.jsonl (hidden, next to it). */
    private static long partialBytes(Path dir) throws Exception {
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".out.jsonl.") && name.endsWith(".partial")) {
                    bytes += Files.size(p);
                }
            }
        }
        return bytes;
    }
}
