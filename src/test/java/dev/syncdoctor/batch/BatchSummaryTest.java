package dev.syncdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.CaseStatus;
import dev.syncdoctor.plan.ErrorSignature;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.UnexplainedError;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSummaryTest {

    private static CaseResult unknown(String source, String... texts) {
        List<UnexplainedError> u = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            u.add(new UnexplainedError("e" + (i + 1), ErrorSignature.of(texts[i]), texts[i]));
        }
        return new CaseResult(source, source, CaseStatus.UNKNOWN, List.of(), List.of(), List.of(), u, null, null);
    }

    private static CaseResult diagnosed(String source, String issue) {
        IssueDiagnosis d = new IssueDiagnosis(issue, "KB_" + issue, "title of " + issue, "section", "cat", null, "high", "rule",
                List.of(), List.of("e1"), List.of());
        return new CaseResult(source, source, CaseStatus.DIAGNOSED, List.of(d), List.of(), List.of(), List.of(), null, null);
    }

    @Test
    void unexplainedErrorsGroupByMaskedSignatureMostFrequentFirstWithAnExample() {
        BatchSummary s = new BatchSummary();
        s.add(unknown("a.txt", "Widget 4711 on msdyn_widgets failed for 'ACME' at https://x.example/api?id=1"));
        s.add(unknown("b.txt", "Widget 12 on msdyn_gadgets failed for 'Contoso' at https://y.example/other"));
        s.add(unknown("c.txt", "Record 9f1b7c3e-2d4a-4c1e-9b8a-0123456789ab could not be locked"));
        s.add(unknown("d.txt", "Widget 99 on msdyn_things failed for \"Fabrikam\" at http://z.example/"));
        s.add(diagnosed("e.txt", "dixf-service-stopped"));
        s.add(diagnosed("f.txt", "dixf-service-stopped"));
        s.add(diagnosed("g.txt", "self-reference-lookup"));
        s.add(CaseResult.invalid("h.json", "h", "h.json:1:2: not a JSON case"));
        s.add(CaseResult.invalid("i.json", "i", "i.json:7:1: not a JSON case"));

        assertThat(s.records()).isEqualTo(9);
        assertThat(s.statuses().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(9);
        assertThat(s.count(CaseStatus.UNKNOWN)).isEqualTo(4);
        List<BatchSummary.Group> groups = s.unknownSignatures();
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).count()).isEqualTo(3);
        assertThat(groups.get(0).signature()).isEqualTo("Widget <n> on <entity> failed for <value> at <url>");
        assertThat(groups.get(0).exampleSource()).isEqualTo("a.txt");
        assertThat(groups.get(0).exampleText()).contains("ACME");
        assertThat(groups.get(1).signature()).isEqualTo("Record <guid> could not be locked");
        assertThat(s.issues()).extracting(BatchSummary.IssueCount::issue, BatchSummary.IssueCount::cases)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dixf-service-stopped", 2L),
                        org.assertj.core.groups.Tuple.tuple("self-reference-lookup", 1L));
        assertThat(s.invalidReasons()).singleElement().satisfies(g -> {
            assertThat(g.count()).isEqualTo(2);
            assertThat(g.signature()).isEqualTo("not a JSON case");
        });
        assertThat(s.text(10)).contains("diagnosed 3, unknown 4, healthy 0, invalid 2").contains("Widget <n> on <entity>");
    }
}
