package dev.syncdoctor.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole hostile corpus through {@code syncdoctor batch}, with the misbehaving rules: every file
 * yields its record (a CSV file one per row or broken stretch), nothing is lost, the summary adds up,
 * bad inputs and bad rules are invalid records with a reason, and the run's time stays bounded.
 */
class HostileBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path corpusDir;
    @TempDir
    Path rulesDir;
    @TempDir
    Path outDir;

    @Test
    void everyHostileFileYieldsItsRecordAndTheCountsAddUp() throws Exception {
        List<HostileCorpus.Entry> corpus = HostileCorpus.writeTo(corpusDir);
        MisbehavingRules.writeTo(rulesDir);
        Path out = outDir.resolve("records.jsonl");
        Path summary = outDir.resolve("summary.json");

        Cli r = Cli.run("batch", "--format", "json", "--threads", "2", "--rules", rulesDir.toString(),
                "--time-limit", "2000", "--out", out.toString(), "--summary", summary.toString(), corpusDir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.hasStackTrace()).as(r.err()).isFalse();
        assertThat(r.millis()).as("the whole run").isLessThan(240_000);

        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        for (HostileCorpus.Entry e : corpus) {
            String source = corpusDir.resolve(e.name()).toString();
            List<JsonNode> mine = records.stream().filter(n -> {
                String s = n.get("source").asText();
                return s.equals(source) || s.startsWith(source + "#") || s.startsWith(source + ":");
            }).toList();
            if (e.name().endsWith(".csv")) {
                assertThat(mine).as(e.name()).isNotEmpty();
                continue;
            }
            assertThat(mine).as(e.name()).hasSize(1);
            JsonNode n = mine.get(0);
            String status = n.get("status").asText();
            String error = n.get("error").isNull() ? null : n.get("error").asText();
            if (e.exitCode() == 2 || e.exitCode() == 4) {
                assertThat(status).as(e.name() + ": " + error).isEqualTo("invalid");
                assertThat(error).as(e.name()).isNotBlank().doesNotContain("\n").contains(e.reason());
            } else if (e.exitCode() == 0) {
                assertThat(status).as(e.name() + ": " + error).isIn("diagnosed", "healthy");
            } else if (status.equals("invalid")) {
                assertThat(error).as(e.name()).isNotBlank();
            }
        }

        JsonNode s = JSON.readTree(summary.toFile());
        assertThat(s.get("records").asLong()).isEqualTo(records.size());
        long sum = 0;
        for (JsonNode c : s.get("statuses")) {
            sum += c.asLong();
        }
        assertThat(sum).isEqualTo(records.size());
        long invalid = records.stream().filter(n -> n.get("status").asText().equals("invalid")).count();
        assertThat(s.get("statuses").get("invalid").asLong()).isEqualTo(invalid);
    }
}
