package dev.syncdoctor.suggest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unrecognised errors of a batch, grouped by masked signature: read from its results (JSON Lines, the
 * output contract: every record's {@code unexplained} errors) or from its summary ({@code --summary}: the
 * {@code unknownSignatures}, one example each). Most frequent first, ties by signature.
 */
public final class UnknownClusters {
    /** Member texts kept per cluster: enough to find what they share and to make examples of. */
    static final int MAX_MEMBERS = 5;
    /** Clusters kept from results, as a batch summary keeps them. */
    static final int MAX_CLUSTERS = 10_000;
    /** Reads one JSON value and fails on anything after it: several objects, one a line, are results, not one object. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One error text of a cluster and the input it came from. */
    public record Member(String source, String text) {
    }

    /** A masked signature, how many errors had it, and up to {@value #MAX_MEMBERS} distinct texts. */
    public record Cluster(String signature, long count, List<Member> members) {
    }

    /** A file that is neither batch results nor a batch summary, or cannot be read. */
    public static final class NotBatchOutput extends Exception {
        NotBatchOutput(String message) {
            super(message);
        }
    }

    private UnknownClusters() {
    }

    /** The clusters of {@code file}, whichever of the two it is. */
    public static List<Cluster> read(Path file) throws IOException, NotBatchOutput {
        JsonNode whole = wholeObject(file);
        if (whole != null && whole.has("unknownSignatures")) {
            return fromSummary(file, whole);
        }
        if (whole != null && whole.has("unexplained")) {
            Grouping one = new Grouping();
            one.add(whole);
            return one.clusters();
        }
        return fromResultLines(file);
    }

    /** The file as one JSON object (a summary, or a case pretty-printed by diagnose), or null when it is not one. */
    private static JsonNode wholeObject(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = r.read();
            } while (c != -1 && Character.isWhitespace(c));
            if (c != '{') {
                return null;
            }
        } catch (java.nio.charset.MalformedInputException e) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null; // several objects, one a line: results
        }
    }

    private static List<Cluster> fromSummary(Path file, JsonNode summary) throws NotBatchOutput {
        JsonNode groups = summary.get("unknownSignatures");
        if (!groups.isArray()) {
            throw new NotBatchOutput(file + ": unknownSignatures is not a list; is this a batch --summary file?");
        }
        List<Cluster> out = new ArrayList<>();
        for (JsonNode g : groups) {
            String signature = g.path("signature").asText("");
            String text = g.path("exampleText").asText("");
            if (signature.isBlank() || text.isBlank()) {
                continue;
            }
            out.add(new Cluster(signature, Math.max(1, g.path("count").asLong(1)),
                    List.of(new Member(g.path("exampleSource").asText(""), text))));
        }
        return sorted(out);
    }

    private static List<Cluster> fromResultLines(Path file) throws IOException, NotBatchOutput {
        Grouping grouping = new Grouping();
        long lineNumber = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new NotBatchOutput(file + ":" + lineNumber + ": " + neither());
                }
                if (n == null || !n.isObject() || !n.has("status") || !n.has("unexplained")) {
                    throw new NotBatchOutput(file + ":" + lineNumber + ": " + neither());
                }
                grouping.add(n);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new NotBatchOutput(file + ": not UTF-8 text; " + neither());
        }
        if (lineNumber == 0 || grouping.records == 0) {
            throw new NotBatchOutput(file + ": empty; " + neither());
        }
        return grouping.clusters();
    }

    static String neither() {
        return "neither batch results (JSON Lines of batch --format json) nor a batch summary (batch --summary)";
    }

    private static List<Cluster> sorted(List<Cluster> clusters) {
        clusters.sort(Comparator.comparingLong(Cluster::count).reversed().thenComparing(Cluster::signature));
        return clusters;
    }

    /** Unexplained errors of result records, grouped by signature, bounded like a batch summary. */
    private static final class Grouping {
        private final Map<String, long[]> counts = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        private long records;

        void add(JsonNode record) {
            records++;
            for (JsonNode u : record.path("unexplained")) {
                String signature = u.path("signature").asText("");
                String text = u.path("text").asText("");
                if (signature.isBlank() || text.isBlank()) {
                    continue;
                }
                long[] count = counts.get(signature);
                if (count == null) {
                    if (counts.size() >= MAX_CLUSTERS) {
                        continue;
                    }
                    count = new long[1];
                    counts.put(signature, count);
                    texts.put(signature, new LinkedHashMap<>());
                }
                count[0] += Math.max(1, u.path("count").asLong(1));
                Map<String, String> mine = texts.get(signature);
                if (mine.size() < MAX_MEMBERS) {
                    mine.putIfAbsent(text, record.path("source").asText(""));
                }
            }
        }

        List<Cluster> clusters() {
            List<Cluster> out = new ArrayList<>(counts.size());
            counts.forEach((signature, count) -> {
                List<Member> members = new ArrayList<>();
                texts.get(signature).forEach((text, source) -> members.add(new Member(source, text)));
                out.add(new Cluster(signature, count[0], List.copyOf(members)));
            });
            return sorted(out);
        }
    }
}
