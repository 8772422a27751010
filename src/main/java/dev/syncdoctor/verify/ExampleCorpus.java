package dev.syncdoctor.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.syncdoctor.ingest.InputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example cases under a folder and their expected results: JSON and YAML cases state theirs in an
 * {@code expected} field; a raw text {@code name.txt} (or {@code .log}) and a CSV export {@code name.csv} (of one
 * case) have it in {@code name.expected.json} beside them.
 */
public final class ExampleCorpus {
    public static final String SIDECAR_SUFFIX = InputFormat.SIDECAR_SUFFIX;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ExampleCorpus() {
    }

    /** Every example case under {@code dir}, sorted by path; a case without an expected result has a null expectation. */
    public static List<ExampleCase> find(Path dir) throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(ExampleCorpus::isCaseInput).forEach(inputs::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        inputs.sort(null);
        List<ExampleCase> out = new ArrayList<>();
        for (Path input : inputs) {
            out.add(load(input));
        }
        return out;
    }

    /** The inputs {@code diagnose} and {@code batch} read, CSV exports included (see {@link InputFormat}). */
    static boolean isCaseInput(Path p) {
        return InputFormat.isInputName(p.getFileName().toString());
    }

    /** The example at {@code input} with its expectation; an unparsable expectation is an IOException naming the file. */
    public static ExampleCase load(Path input) throws IOException {
        InputFormat format = InputFormat.of(input.getFileName().toString());
        if (format == InputFormat.JSON || format == InputFormat.YAML) {
            ObjectMapper mapper = format == InputFormat.JSON ? JSON : YAML;
            JsonNode expected;
            try {
                JsonNode root = mapper.readTree(input.toFile());
                expected = root == null ? null : root.get("expected");
            } catch (JsonProcessingException e) {
                // The case reader reports broken case files; the example simply has no readable expectation.
                return new ExampleCase(input, input, null);
            }
            return new ExampleCase(input, input, expected == null || expected.isNull() ? null : parse(input, expected));
        }
        Path sidecar = sidecarOf(input);
        if (!Files.isRegularFile(sidecar)) {
            return new ExampleCase(input, sidecar, null);
        }
        return new ExampleCase(input, sidecar, parse(sidecar, JSON.readTree(sidecar.toFile())));
    }

    public static Path sidecarOf(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return input.resolveSibling(base + SIDECAR_SUFFIX);
    }

    private static Expectation parse(Path file, JsonNode node) throws IOException {
        try {
            return JSON.treeToValue(node, Expectation.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": expected result: " + e.getOriginalMessage(), e);
        }
    }
}
