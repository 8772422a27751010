package dev.syncdoctor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lookup failures are told apart by what they point at: the map's own table or a documented circular
 * pair (self-reference), another table (missing reference data), or, when the text does not tell, the
 * run-again advice at medium confidence with what is unknown said.
 */
class LookupTargetTest {
    private static String lookup(String field, String value, String entitySet) {
        return "Couldn't resolve the guid for the field: " + field + ". The lookup wasn't found: " + value
                + ". Try this URL(s) to check if the reference data exists: https://contoso.crm.dynamics.com/api/data/v9.2/"
                + entitySet + "?$select=x&$filter=x eq '" + value + "'";
    }

    @Test
    void aLookupOfAnotherTableIsMissingReferenceDataWhateverTheMap() throws Exception {
        for (String[] c : new String[][] {
                {"Customers V3", "msdyn_customergroupid.msdyn_groupid", "msdyn_customergroups"},
                {"Vendors V2", "msdyn_vendorgroupid.msdyn_vendorgroup", "msdyn_vendorgroups"},
                {"CDS Contacts V2", "msdyn_languageid.msdyn_languagecode", "msdyn_languages"},
                {"Sales order headers V2", "msdyn_deliverymode.msdyn_name", "msdyn_deliverymodes"}}) {
            CaseResult r = Cases.diagnoseCase("On the " + c[0] + ", the following error: " + lookup(c[1], "X-1", c[2]), "");
            assertThat(r.diagnoses()).as(c[0]).singleElement().satisfies(d -> {
                assertThat(d.issue()).isEqualTo("initial-sync-reference-data-missing");
                assertThat(d.confidence()).isEqualTo("high");
            });
            assertThat(r.actions()).extracting(PlannedStep::text).noneMatch(t -> t.contains("a second time"));
        }
    }

    @Test
    void whenTheMapIsNotNamedTheConfidenceIsLowerAndTheEvidenceSaysWhatIsUnknown() throws Exception {
        CaseResult r = Cases.diagnoseCase(lookup("msdyn_parentwarehouse.msdyn_warehouseidentifier", "WH-1", "msdyn_warehouses"), "");
        assertThat(r.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.issue()).isEqualTo("self-reference-lookup");
            assertThat(d.confidence()).isEqualTo("medium");
            assertThat(String.join(" ", d.evidence())).contains("not known");
        });
    }

    @Test
    void aMapTheRulesDoNotKnowIsNoSelfReferenceWithHighConfidence() throws Exception {
        CaseResult r = Cases.diagnoseCase("On the Bank accounts, the following error: "
                + lookup("msdyn_bankgroup.msdyn_groupid", "BG-1", "msdyn_bankgroups"), "");
        assertThat(r.diagnoses()).singleElement().satisfies(d -> assertThat(d.confidence()).isEqualTo("medium"));
    }

    @Test
    void aLiveSyncLookupWithoutTheWrittenTableIsMediumAndTheSameBatchPatternIsLs06() throws Exception {
        CaseResult alone = Cases.diagnose("t.txt", "Unable to lookup msdyn_paymentterms with values {Net30,USMF}");
        assertThat(alone.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.issue()).isEqualTo("live-sync-reference-data-missing");
            assertThat(d.confidence()).isEqualTo("medium");
        });
        CaseResult batch = Cases.diagnose("t.txt", "Unable to write data to entity aaa_budgets. Unable to lookup aaa_budgets with values {B-7}. "
                + "Writes to aaa_budgets failed with error message Exception message: The remote server returned an error: (400) Bad Request.");
        assertThat(batch.diagnoses()).extracting(IssueDiagnosis::issue).containsExactly("same-batch-cross-reference");
    }

    @Test
    void theProjectActualsRollbackIsNotCalledMissingReferenceData() throws Exception {
        CaseResult r = Cases.diagnose("t.txt", "Unable to write data to entity msdyn_actuals. Unable to look up msdyn_actuals with values {A-1}.");
        assertThat(r.diagnoses()).extracting(IssueDiagnosis::issue)
                .doesNotContain("live-sync-reference-data-missing", "same-batch-cross-reference");
    }

    @Test
    void aFirstRunSelfReferenceSaysWhatToDoIfTheSecondRunFailsWithTheCatalogEntryOfThatProcedure() throws Exception {
        String[][] cases = {
                {"Vendors V2", "msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber", "msdyn_vendors", "IS05_SELFREF_VENDORS_V2"},
                {"Customers V3", "primarycontactid.msdyn_contactpersonid", "contacts", "IS06_SELFREF_CUSTOMERS_V3"},
                {"Warehouses", "msdyn_parentwarehouse.msdyn_warehouseidentifier", "msdyn_warehouses", "LK01_UNABLE_TO_LOOKUP_MISSING_REFERENCE_DATA"}};
        for (String[] c : cases) {
            CaseResult r = Cases.diagnoseCase("On the " + c[0] + ", the following error: " + lookup(c[1], "V-1", c[2]), "\"attempts\": 1");
            assertThat(r.diagnoses()).as(c[0]).extracting(IssueDiagnosis::issue).containsExactly("self-reference-lookup");
            PlannedStep last = r.actions().get(r.actions().size() - 1);
            assertThat(last.phase()).as(c[0]).isEqualTo("if-unresolved");
            assertThat(last.kb()).as(c[0]).isEqualTo(c[3]);
            assertThat(r.actions().get(0).phase()).isEqualTo("rerun");
        }
    }
}
