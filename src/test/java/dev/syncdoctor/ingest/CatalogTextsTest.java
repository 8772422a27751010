package dev.syncdoctor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncdoctor.model.SyncError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error text of the catalog shipped with the rules yields errors that keep the issue's match fragments it contains. */
class CatalogTextsTest {
    private static final Path CATALOG = Path.of("rules", "catalog.json");

    static Stream<Arguments> catalogTexts() throws IOException {
        if (!Files.isRegularFile(CATALOG)) {
            throw new IOException(CATALOG + " is missing: the catalog ships with the rules");
        }
        JsonNode catalog = new ObjectMapper().readTree(CATALOG.toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode issue : catalog.get("issues")) {
            List<String> fragments = new ArrayList<>();
            issue.path("match_fragments").forEach(f -> fragments.add(f.asText()));
            int n = 0;
            for (JsonNode t : issue.path("error_texts")) {
                n++;
                out.add(Arguments.of(issue.get("id").asText() + "#" + n, t.get("text").asText(), fragments));
                if (t.has("markdown_source")) {
                    out.add(Arguments.of(issue.get("id").asText() + "#" + n + "-md", t.get("markdown_source").asText(), fragments));
                }
            }
            for (String f : List.of("full_example", "full_example_as_rendered_on_docs_page")) {
                if (issue.has(f)) {
                    out.add(Arguments.of(issue.get("id").asText() + "#" + f, issue.get(f).asText(), List.of()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogTexts")
    void yieldsErrorsKeepingTheFragments(String name, String text, List<String> fragments) {
        String normalised = TextNormaliser.normalise(text);
        ExtractedText x = ErrorExtractor.extract(normalised);
        assertThat(x.errors()).as(name).isNotEmpty();
        String lowerText = normalised.toLowerCase(Locale.ROOT);
        for (String fragment : fragments) {
            if (lowerText.contains(fragment.toLowerCase(Locale.ROOT))) {
                assertThat(x.errors()).as(name + " keeps '" + fragment + "'")
                        .anyMatch(e -> e.mentions(fragment) || fragment.equals(e.getStackTop()) || stackMentions(e, fragment));
            }
        }
        for (SyncError e : x.errors()) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    private static boolean stackMentions(SyncError e, String fragment) {
        return e.getStackTop() != null && e.getStackTop().contains(fragment);
    }
}
