package dev.syncdoctor.serve;

import dev.syncdoctor.verify.ExampleCase;
import dev.syncdoctor.verify.ExampleCorpus;
import dev.syncdoctor.verify.Expectation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example cases of the facts folder, by the issue they are expected to show, so people browsing an
 * issue can read and try a real case. Read once at start; the folder is the server's, never the caller's.
 */
final class ExampleShelf {
    private static final Logger LOG = LoggerFactory.getLogger(ExampleShelf.class);
    private static final int MAX_TEXT = 64 * 1024;

    /**
     * One example: its name (path in the facts folder), how to send it ({@code text}, {@code json}, {@code yaml}),
     * its content and, for raw texts, the context its expectation gives.
     */
    record Example(String name, String kind, String text, Expectation.ExampleContext context, String note) {
    }

    private final Map<String, List<Example>> byIssue;

    private ExampleShelf(Map<String, List<Example>> byIssue) {
        this.byIssue = byIssue;
    }

    static ExampleShelf empty() {
        return new ExampleShelf(Map.of());
    }

    static ExampleShelf read(Path factsDir) {
        if (factsDir == null || !Files.isDirectory(factsDir)) {
            return empty();
        }
        Map<String, List<Example>> byIssue = new HashMap<>();
        try {
            for (ExampleCase c : ExampleCorpus.find(factsDir)) {
                Expectation e = c.expectation();
                if (e == null || e.issues() == null || e.issues().isEmpty()) {
                    continue;
                }
                String text = head(c.input());
                String lower = c.input().getFileName().toString().toLowerCase(Locale.ROOT);
                String kind = lower.endsWith(".json") ? "json" : lower.endsWith(".yaml") || lower.endsWith(".yml") ? "yaml" : "text";
                Example ex = new Example(factsDir.relativize(c.input()).toString().replace('\\', '/'), kind, text,
                        kind.equals("text") ? e.context() : null, e.note());
                for (String issue : e.issues()) {
                    byIssue.computeIfAbsent(issue, k -> new ArrayList<>()).add(ex);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("example cases in {} not shown: {}", factsDir, e.getMessage());
            return empty();
        }
        return new ExampleShelf(byIssue);
    }

    List<Example> of(String issue) {
        return byIssue.getOrDefault(issue, List.of());
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_TEXT);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
