package dev.syncdoctor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged program ({@code java -jar target/syncdoctor.jar}) in a folder, as a user would. */
record PackagedCli(int exitCode, String out, String err) {

    static Path jar() {
        return Path.of(System.getProperty("syncdoctor.jar", "target/syncdoctor.jar")).toAbsolutePath();
    }

    static PackagedCli run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("syncdoctor-out", ".txt");
        Path err = Files.createTempFile("syncdoctor-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("syncdoctor did not finish: " + command);
            }
            return new PackagedCli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
