package dev.syncdoctor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.report.ReportFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new user found in the plans: role where it is needed, next steps, sources once, no empty references. */
class PlanLayoutTest {
    private static final String SINGLE_400 = "Message: ([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error";

    @Test
    void aSingle400IsRunAgainThenTheConsistentProcedureWithItsRoleJustBeforeIt() throws Exception {
        CaseResult r = Cases.diagnose("t.txt", SINGLE_400);
        List<String> phases = r.actions().stream().map(PlannedStep::phase).toList();
        assertThat(phases.get(0)).isEqualTo("rerun");
        assertThat(phases.get(1)).isEqualTo("prerequisite");
        assertThat(phases.subList(2, phases.size())).containsOnly("if-unresolved");
        assertThat(r.actions()).extracting(PlannedStep::text).anyMatch(t -> t.contains("Lifecycle Services"));
        assertThat(r.actions()).allSatisfy(s -> assertThat(s.kb()).isEqualTo("IS02_400_BAD_REQUEST_AX_EXPORT"));
    }

    @Test
    void everyActionCarriesACatalogEntry() throws Exception {
        for (String text : List.of(SINGLE_400,
                "Unable to write data to entity msdyn_salesorderlines. Unable to lookup msdyn_deliverymodes with values {AIR}.",
                "([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error")) {
            CaseResult r = Cases.diagnose("t.txt", text);
            assertThat(r.actions()).isNotEmpty().allSatisfy(s -> assertThat(s.kb()).matches("[A-Z]{2}\\d\\d_[A-Z0-9_]+"));
        }
    }

    @Test
    void theSourceIsPrintedOncePerRunOfStepsFromOneEntry() throws Exception {
        CaseResult r = Cases.diagnoseCase("([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error",
                "\"map\": \"Customer groups\"");
        String text = SyncDoctor.render(r, ReportFormat.TEXT, false);
        assertThat(text.split("from: IS03_403_FORBIDDEN_AX_EXPORT", -1)).hasSize(2);
        assertThat(text).contains("write down the client ID");
    }

    @Test
    void noDoubledWordsAndNoReferenceToAUrlTheErrorDidNotGive() throws Exception {
        CaseResult notRunning = Cases.diagnose("c.json", "{\"case\": \"c\", \"status\": \"Not running\"}");
        assertThat(notRunning.actions()).extracting(PlannedStep::text)
                .noneMatch(t -> t.toLowerCase().contains("the table map the table map"))
                .anyMatch(t -> t.contains("Select the table map that failed"));
        CaseResult noUrl = Cases.diagnoseCase("Couldn't resolve the guid for the field: msdyn_vendorprimarycontactperson.msdyn_contactpersonid. "
                + "The lookup was not found: 000871.", "\"attempts\": 2");
        assertThat(noUrl.actions()).extracting(PlannedStep::text).noneMatch(t -> t.toLowerCase().contains("url"));
    }
}
