package dev.syncdoctor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/knowledge.md lists the known issues as the rules define them. Its table is generated from
 * rules/issues.drl.csv and rules/catalog.json; this test fails when the doc no longer matches them, and
 * rewrites the table when run with {@code -Dsyncdoctor.docs.write=true}.
 */
class KnowledgeDocTest {
    static final Path DOC = Path.of("docs/knowledge.md");
    static final Path ISSUES = Path.of("rules/issues.drl.csv");
    static final Path CATALOG = Path.of("rules/catalog.json");
    static final String BEGIN = "<!-- BEGIN generated from rules/issues.drl.csv and rules/catalog.json -->\n";
    static final String END = "<!-- END generated -->\n";
    static final String WRITE = "syncdoctor.docs.write";
    static final String HOW_TO_WRITE = "mvn -B -o test -Dtest=KnowledgeDocTest -Dsyncdoctor.docs.write=true";

    /** One row of the issue table: the issue id, its catalog entry, category and the role its fix needs. */
    record IssueRow(String issue, String kb, String category, String role) {
    }

    /** The rows of rules/issues.drl.csv in file order (the rows whose rule name starts with "issue "). */
    static List<IssueRow> issues() throws IOException {
        List<IssueRow> rows = new ArrayList<>();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(ISSUES.toFile())) {
            while (it.hasNext()) {
                List<String> r = it.next();
                if (r.size() >= 6 && r.get(0).startsWith("issue ")) {
                    rows.add(new IssueRow(r.get(1).trim(), r.get(2).trim(), r.get(4).trim(), r.get(5).trim()));
                }
            }
        }
        return rows;
    }

    /** The ids of the catalog's entries, in its order. */
    static List<String> catalogIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : new ObjectMapper().readTree(CATALOG.toFile()).path("issues")) {
            ids.add(entry.path("id").asText());
        }
        return ids;
    }

    /** The generated part of docs/knowledge.md: counts, then one table row per issue. */
    static String generated(List<IssueRow> rows, List<String> catalog) {
        Set<String> covered = new LinkedHashSet<>();
        rows.forEach(r -> covered.add(r.kb()));
        long inCatalog = covered.stream().filter(catalog::contains).count();
        StringBuilder b = new StringBuilder();
        b.append(rows.size()).append(" issues, from ").append(inCatalog).append(" of the catalog's ").append(catalog.size())
                .append(" entries (the others are under \"Left out of the catalog\" below).\n\n");
        b.append("| issue | kb | category | required role |\n|---|---|---|---|\n");
        for (IssueRow r : rows) {
            b.append("| `").append(r.issue()).append("` | ").append(r.kb()).append(" | ").append(r.category())
                    .append(" | ").append(r.role()).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void theIssueTableIsTheOneTheRulesDefine() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as(DOC + ": the markers of the generated table are missing (" + BEGIN.trim() + ", " + END.trim() + ")")
                .isNotNegative();
        assertThat(end).as(DOC + ": the end marker must follow the begin marker").isGreaterThan(begin);
        String current = doc.substring(begin + BEGIN.length(), end);
        String wanted = generated(issues(), catalogIds());
        if (Boolean.getBoolean(WRITE) && !current.equals(wanted)) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + wanted + doc.substring(end), StandardCharsets.UTF_8);
            current = wanted;
        }
        assertThat(current)
                .as(DOC + " is stale: its issue table differs from " + ISSUES + " and " + CATALOG + "; rewrite it with " + HOW_TO_WRITE)
                .isEqualTo(wanted);
    }

    @Test
    void everyIssueNamesACatalogEntryAndEveryOtherEntryIsSaidToBeLeftOut() throws IOException {
        List<String> catalog = catalogIds();
        List<IssueRow> rows = issues();
        assertThat(rows).as(ISSUES + ": issue rows").isNotEmpty();
        assertThat(rows).as("issues whose kb is not in " + CATALOG).allSatisfy(r -> assertThat(catalog).contains(r.kb()));
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int leftOut = doc.indexOf("## Left out of the catalog");
        assertThat(leftOut).as(DOC + ": section \"Left out of the catalog\"").isNotNegative();
        int next = doc.indexOf("\n## ", leftOut + 1);
        String section = doc.substring(leftOut, next < 0 ? doc.length() : next);
        Set<String> covered = new LinkedHashSet<>();
        rows.forEach(r -> covered.add(r.kb()));
        for (String id : catalog) {
            if (!covered.contains(id)) {
                // Entries are named by their code, the part of the id before the first '_' (IS09, GA05).
                String code = id.substring(0, id.indexOf('_') < 0 ? id.length() : id.indexOf('_'));
                assertThat(section).as(DOC + ": catalog entry " + id + " has no issue; say why under \"Left out of the catalog\"")
                        .contains(code);
            }
        }
    }
}
