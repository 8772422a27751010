package dev.syncdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncdoctor.TestFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing the rules folder of a running server: a change that compiles takes effect, one that does not
 * leaves the old rules answering and shows its errors (file:line) on /healthz until it is fixed.
 */
class RulesReloadTest {
    static final String TEXT_400 = "Message: ([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error";

    @Test
    void aChangeThatCompilesIsServedAndOneThatDoesNotKeepsTheOldRules(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        TestFolders.copy(Path.of("rules"), rules);
        ServeSettings settings = ServeSettings.loopback(0, rules, null);
        // No background checks: the test says when to look, so it never waits on a timer.
        settings = new ServeSettings(settings.host(), 0, null, false, settings.limits(), settings.maxInputBytes(), 2, 8,
                settings.requestTimeLimit(), rules, null, null, java.time.Duration.ZERO);
        try (RunningServer http = RunningServer.start(settings)) {
            String hashBefore = RunningServer.json(http.get("/healthz")).at("/rules/hash").asText();
            String stepBefore = firstStep(http);
            assertThat(stepBefore).isNotEqualTo("Run it once more now.");

            // A change that does not compile: the old rules answer, the errors are shown with file:line.
            Path drl = rules.resolve("recognition/initial-sync.drl");
            String good = Files.readString(drl);
            Files.writeString(drl, good + "\nrule \"broken\"\nwhen\n    SyncCase( mapName == )\nthen\nend\n");
            touch(drl);
            assertThat(http.server.rules().checkNow()).isTrue();
            JsonNode health = RunningServer.json(http.get("/healthz"));
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.at("/reload/errors/0").asText()).startsWith("recognition/initial-sync.drl:");
            assertThat(health.at("/rules/hash").asText()).isEqualTo(hashBefore);
            assertThat(firstStep(http)).isEqualTo(stepBefore);

            // Fixed, with a reworded step: served at once, errors gone, a new hash.
            Files.writeString(drl, good);
            touch(drl);
            edit(rules.resolve("steps.drl.csv"), "Run the initial sync of {map} again.", "Run it once more now.");
            assertThat(http.server.rules().checkNow()).isTrue();
            health = RunningServer.json(http.get("/healthz"));
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.at("/reload/errors")).isEmpty();
            assertThat(health.at("/rules/hash").asText()).isNotEqualTo(hashBefore);
            assertThat(firstStep(http)).isEqualTo("Run it once more now.");
            assertThat(http.server.rules().checkNow()).as("nothing changed since").isFalse();
        }
    }

    private static String firstStep(RunningServer http) throws Exception {
        JsonNode j = RunningServer.json(http.post("/api/v1/diagnose", "text/plain", TEXT_400));
        for (JsonNode a : j.get("actions")) {
            if (a.get("phase").asText().equals("rerun")) {
                return a.get("text").asText();
            }
        }
        return "";
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
        touch(file);
    }

    /** A new modification time, so a change within the same clock tick is still seen. */
    private static void touch(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(Files.getLastModifiedTime(file).toMillis() % 1000 + 1)));
    }
}
