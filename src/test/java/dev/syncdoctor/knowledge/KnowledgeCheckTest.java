package dev.syncdoctor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeCheckTest {
    @TempDir
    Path rules;

    @BeforeEach
    void copyBundledRules() throws IOException {
        RuleFolders.copyShippedRules(rules);
    }

    private KnowledgeCheck.Report check() throws IOException {
        return KnowledgeCheck.run(RuleFiles.fromDirectory(rules));
    }

    private List<String> messages(KnowledgeCheck.Report r) {
        return r.problems().stream().map(RuleProblem::format).toList();
    }

    @Test
    void theShippedKnowledgeIsClean() throws IOException {
        KnowledgeCheck.Report r = check();
        assertThat(r.clean()).as(String.join("\n", messages(r))).isTrue();
        assertThat(r.issues()).contains("dixf-service-stopped", "dtappid-client-not-authorized", "self-reference-lookup",
                "find-initial-sync-errors");
        assertThat(r.ruleCount()).isGreaterThan(10);
    }

    @Test
    void aMisspeltStepPhaseConfidenceOrCasePhaseIsAnErrorWithItsPlace() throws IOException {
        Path steps = rules.resolve("steps.drl.csv");
        Files.writeString(steps, Files.readString(steps).replaceFirst(",investigate,1,", ",investigat,1,"));
        Path context = rules.resolve("recognition/context.drl");
        Files.writeString(context, Files.readString(context)
                .replace("new Finding(\"row-limit-per-run\", \"high\"", "new Finding(\"row-limit-per-run\", \"hihg\"")
                .replace("phase != Phase.LIVE )", "phase != Phase.of(\"lve\") )"));
        KnowledgeCheck.Report r = check();
        assertThat(r.clean()).isFalse();
        assertThat(messages(r))
                .anyMatch(m -> m.matches("steps\\.drl\\.csv:\\d+:Phase: 'investigat' is not a step phase; allowed: prerequisite, .*"))
                .anyMatch(m -> m.matches("recognition/context\\.drl:\\d+: rule \".*\": 'hihg' is not a confidence; allowed: high, medium, low"))
                .anyMatch(m -> m.matches("recognition/context\\.drl:\\d+: rule \".*\": 'lve' is not a phase; allowed: initial, live, setup, start"));
    }

    @Test
    void aTypedFieldComparedWithTextIsAnErrorNamingTheConstant() throws IOException {
        // Drools compiles direction == "DV->FO" against the enum field and the constraint is never true.
        Path context = rules.resolve("recognition/context.drl");
        Files.writeString(context, Files.readString(context)
                .replaceFirst("direction == Direction\\.DV_TO_FO", "direction == \"DV->FO\"")
                .replaceFirst("phase != Phase\\.LIVE", "phase != \"living\""));
        KnowledgeCheck.Report r = check();
        assertThat(r.clean()).isFalse();
        assertThat(messages(r))
                .anyMatch(m -> m.matches("recognition/context\\.drl:\\d+: rule \".*\": direction == \"DV->FO\" compares a direction with text"
                        + " and is never true: write direction == Direction\\.DV_TO_FO"))
                .anyMatch(m -> m.contains("phase != \"living\" compares a phase with text") && m.contains("Phase.INITIAL|LIVE"));
    }

    @Test
    void anIssueRowWithoutStepsOrRecognitionAndAnUnknownKbAreErrors() throws IOException {
        Files.writeString(rules.resolve("issues.drl.csv"),
                Files.readString(rules.resolve("issues.drl.csv")) + "issue lonely,lonely-issue,IS99_NOT_IN_CATALOG,S,c,,T\n");
        KnowledgeCheck.Report r = check();
        assertThat(r.clean()).isFalse();
        assertThat(messages(r)).anyMatch(m -> m.matches("issues\\.drl\\.csv:\\d+ issue 'lonely-issue' has no steps.*"))
                .anyMatch(m -> m.contains("issue 'lonely-issue' is never recognised"))
                .anyMatch(m -> m.matches("issues\\.drl\\.csv:\\d+:KB id: kb id 'IS99_NOT_IN_CATALOG' is not in catalog\\.json; allowed: .*"));
    }

    @Test
    void twoIssuesWithOneIdAreAnError() throws IOException {
        Files.writeString(rules.resolve("more-issues.drl"), """
                package more
                import dev.syncdoctor.model.*;
                rule "second definition"
                when $f : Finding( issue == "dixf-service-stopped" )
                then insert(Diagnosis.draft($f, "IS02_400_BAD_REQUEST_AX_EXPORT").title("again"));
                end
                """);
        assertThat(messages(check())).anyMatch(m -> m.startsWith("more-issues.drl:3 issue 'dixf-service-stopped' is defined twice"));
    }

    @Test
    void aFindingNoRowDescribesAndStepsForAnUnknownIssueAreErrors() throws IOException {
        Files.writeString(rules.resolve("orphans.drl"), """
                package orphans
                import dev.syncdoctor.model.*;
                rule "recognises a ghost"
                when $e : SyncError( mentions("ghost") )
                then insert(new Finding("ghost-issue", $e, "high"));
                end
                rule "step of a phantom"
                when $d : Diagnosis( issue == "phantom-issue" )
                then insert(new Action($d, "fix", 1, "Do it.", "Because."));
                end
                """);
        List<String> m = messages(check());
        assertThat(m).anyMatch(s -> s.startsWith("orphans.drl:3 rule 'recognises a ghost' recognises issue 'ghost-issue', which no issue row defines"))
                .anyMatch(s -> s.startsWith("orphans.drl:7 step 'step of a phantom' is for issue 'phantom-issue', which no issue row defines"));
    }

    @Test
    void aSpreadsheetWithoutTheDrlInfixIsReportedNotIgnored() throws IOException {
        Files.copy(rules.resolve("steps.drl.csv"), rules.resolve("more-steps.csv"));
        KnowledgeCheck.Report r = check();
        assertThat(r.clean()).isTrue();
        assertThat(r.problems()).anyMatch(p -> !p.error() && p.file().equals("more-steps.csv")
                && p.message().contains("*.drl.csv"));
    }

    @Test
    void drlErrorsCarryLineAndColumn() throws IOException {
        Files.writeString(rules.resolve("broken.drl"), "package b\n\nrule \"x\"\nwhen\n    Foo( a == )\nthen\nend\n");
        assertThat(messages(check())).anyMatch(m -> m.matches("broken\\.drl:5:\\d+ .*"));
    }

    @Test
    void anXlsxDecisionTableIsLoadedAndItsErrorsNameTheRow() throws Exception {
        RuleFolders.writeStepsWorkbook(rules.resolve("extra-steps.drl.xlsx"), "3");
        KnowledgeCheck.Report ok = check();
        assertThat(ok.clean()).as(String.join("\n", messages(ok))).isTrue();
        assertThat(ok.entries()).anyMatch(e -> e.file().equals("extra-steps.drl.xlsx") && e.stepsFor().contains("dixf-service-stopped"));

        RuleFolders.writeStepsWorkbook(rules.resolve("extra-steps.drl.xlsx"), "three");
        assertThat(messages(check())).contains("extra-steps.drl.xlsx:10:Order: 'three' is not a whole number; allowed: digits, e.g. 2");
    }
}
