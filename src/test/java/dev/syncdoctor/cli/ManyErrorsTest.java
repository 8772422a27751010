package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of row errors of one kind are one error with a count: diagnosed within the default limits. */
class ManyErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "On the Vendors V2, the following error: Record Id: new record, ErrorMessage: Couldn't resolve"
            + " the guid for the field: msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber. The lookup wasn't found: %s."
            + " Try this URL(s) to check if the reference data exists: https://contoso.crm.dynamics.com/api/data/v9.2/msdyn_vendors"
            + "?$select=msdyn_vendoraccountnumber,msdyn_vendorid&$filter=msdyn_vendoraccountnumber eq '%s'\n";

    static Path rows(Path dir, int n) throws Exception {
        StringBuilder b = new StringBuilder("The Vendors V2 initial sync fails with these errors:\n\n");
        for (int i = 0; i < n; i++) {
            String v = String.format("V-%05d", i);
            b.append(String.format(ROW, v, v));
        }
        Path file = dir.resolve("rows.txt");
        Files.writeString(file, b);
        return file;
    }

    @Test
    void fiveThousandRowErrorsAreOneErrorWithEveryValueInJson(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("diagnose", "--format", "json", rows(dir, 5000).toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("status").asText()).isEqualTo("diagnosed");
        assertThat(root.get("unexplained")).isEmpty();
        JsonNode d = root.get("diagnoses").get(0);
        assertThat(d.get("issue").asText()).isEqualTo("self-reference-lookup");
        assertThat(d.get("errors")).hasSize(1);
        JsonNode repeated = d.get("repeated").get(0);
        assertThat(repeated.get("id").asText()).isEqualTo("e1");
        assertThat(repeated.get("count").asInt()).isEqualTo(5000);
        assertThat(repeated.get("values")).hasSize(5000);
        assertThat(repeated.get("values").get(4999).asText()).isEqualTo("V-04999");
        assertThat(d.get("evidence").toString()).contains("V-00000, V-00001, V-00002 and 4,997 more").doesNotContain("V-00003");
        assertThat(root.get("actions").get(0).get("text").asText())
                .contains("V-00000, V-00001, V-00002 and 4,997 more").doesNotContain("V-04999");
    }

    @Test
    void textShowsTheValuesInBriefWithTheCount(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("diagnose", rows(dir, 1200).toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("errors: e1 (1,200 times: V-00000, V-00001, V-00002 and 1,197 more)")
                .doesNotContain("V-00003").doesNotContain("Not recognised");
    }

    @Test
    void markdownShowsTheValuesInBriefWithTheCount(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("diagnose", "--format", "markdown", rows(dir, 40).toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("e1 (40 times: V-00000, V-00001, V-00002 and 37 more)").doesNotContain("V-00003");
    }

    @Test
    void repeatedUnknownErrorsAreCountedOnceWithTheirRecords(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            b.append("On the Widgets, the following error: Record Id: W-").append(1000 + i)
                    .append(", ErrorMessage: The widget frobnicator rejected the row.\n");
        }
        Path file = dir.resolve("unknown.txt");
        Files.writeString(file, b);
        JsonNode root = JSON.readTree(CliRun.of("diagnose", "--format", "json", file.toString()).out());
        assertThat(root.get("status").asText()).isEqualTo("unknown");
        JsonNode u = root.get("unexplained");
        assertThat(u).hasSize(1);
        assertThat(u.get(0).get("count").asInt()).isEqualTo(30);
        assertThat(u.get(0).get("records")).hasSize(30);
        CliRun text = CliRun.of("diagnose", file.toString());
        assertThat(text.out()).contains("e1 (30 times): ").contains("unknown: 1 error not recognised");
    }
}
