package dev.syncdoctor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.api.CaseInput;
import dev.syncdoctor.model.Evidence;
import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.report.ReportFormat;
import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.verify.ExampleCase;
import dev.syncdoctor.verify.ExampleCorpus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Evidence quotes the input: every span is the text at its place in the message, or a named case value. */
class EvidenceTest {

    @Test
    void everyEvidenceOfEveryExampleIsASpanOfItsErrorOrACaseValue() throws Exception {
        int spans = 0;
        for (ExampleCase example : ExampleCorpus.find(Path.of("facts"))) {
            for (CaseInput input : Cases.doctor().inputs().read(example.input())) {
                if (!input.ok()) {
                    continue;
                }
                CaseResult r = Cases.doctor().diagnose(input, true);
                for (IssueDiagnosis d : r.diagnoses()) {
                    assertThat(d.evidenceAt()).as(example.input() + " " + d.issue()).isNotEmpty();
                    for (Evidence e : d.evidenceAt()) {
                        if (!e.isSpan()) {
                            assertThat(e.text()).startsWith(Evidence.CONTEXT);
                            continue;
                        }
                        SyncError error = input.facts().getErrors().stream().filter(x -> x.getId().equals(e.errorId())).findFirst().orElseThrow();
                        assertThat(error.getMessage().substring(e.start(), e.end())).as(example.input() + " " + d.issue()).isEqualTo(e.text());
                        spans++;
                    }
                }
            }
        }
        assertThat(spans).isGreaterThan(100);
    }

    @Test
    void whatTheRuleLooksForButTheTextLacksIsNoEvidence() throws Exception {
        CaseResult r = Cases.diagnose("t.txt", "The user is not a member of the organization.");
        assertThat(r.diagnoses()).singleElement().satisfies(d -> assertThat(d.evidence())
                .containsExactly("The user is not a member of the organization").doesNotContain("0x80072560"));
    }

    @Test
    void explainShowsWhereEachPieceWasFound() throws Exception {
        CaseResult r = Cases.diagnose("t.txt", "Message: ([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error");
        String text = SyncDoctor.render(r, ReportFormat.TEXT, true);
        assertThat(text).contains("evidence: \"(400) Bad Request\"  (e1, characters ").contains("evidence: \"AX export encountered an error\"  (e1, characters ");
    }
}
