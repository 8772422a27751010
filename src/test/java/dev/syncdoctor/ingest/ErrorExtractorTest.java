package dev.syncdoctor.ingest;

import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.model.SyncLeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.syncdoctor.ingest.TestTexts.crlf;
import static dev.syncdoctor.ingest.TestTexts.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorExtractorTest {

    private static ExtractedText extract(String raw) {
        return ErrorExtractor.extract(TextNormaliser.normalise(raw));
    }

    private static final String FULL_WRAPPER = "Dual write Initial Sync completed with status: Error. Following are the details:\n"
            + "Executed leg: From AX Financial dimensions to CRM msdyn_dimensionattributes\n"
            + "with exported records count: 0, ImportRecordsErrorCount: 0,\n"
            + "ImportRecordsInsertedCount: 0 and ImportRecordsUpdatedCount: 0\n"
            + "ErrorsDetails:\n"
            + "Dual write Initial sync failed\n"
            + "Message: ([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error\n"
            + "Stacktrace: at\n"
            + "Microsoft.Dynamics.Integrator.QueryGenerator.AxClient.<ExportAxPackage>d__16.MoveNext()\n"
            + "in X:\\bt\\1024532\\repo\\src\\Core\\QueryGenerator\\AxClient.cs:line 265\n"
            + "--- End of stack trace from previous location where exception was thrown ---\n"
            + "at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()\n"
            + "--- End of stack trace from previous location where exception was thrown ---";

    private static void assertBadRequestWrapper(ExtractedText x) {
        assertThat(x.completionStatus()).isEqualTo("Error");
        assertThat(x.legs()).hasSize(1);
        SyncLeg leg = x.legs().get(0);
        assertThat(leg.getDirection()).isEqualTo(Direction.FO_TO_DV);
        assertThat(leg.getSourceEntity()).isEqualTo("Financial dimensions");
        assertThat(leg.getTargetEntity()).isEqualTo("msdyn_dimensionattributes");
        assertThat(List.of(leg.getExportedCount(), leg.getImportErrorCount(), leg.getInsertedCount(), leg.getUpdatedCount()))
                .containsExactly(0L, 0L, 0L, 0L);
        assertThat(x.errors()).hasSize(1);
        SyncError e = x.errors().get(0);
        assertThat(e.getId()).isEqualTo("e1");
        assertThat(e.getMessage()).isEqualTo(
                "([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error");
        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getHttpReason()).isEqualTo("Bad Request");
        assertThat(e.getComponent()).isEqualTo("AX export encountered an error");
        assertThat(e.getStackTop()).isEqualTo("Microsoft.Dynamics.Integrator.QueryGenerator.AxClient.<ExportAxPackage>d__16.MoveNext()");
    }

    @Test
    void fullWrapperPlain() {
        assertBadRequestWrapper(extract(FULL_WRAPPER));
    }

    @Test
    void fullWrapperAsInTheSeedMarkdownWithEscapesAndHardWraps() {
        assertBadRequestWrapper(extract(resource("seed-400-full.md")));
        assertBadRequestWrapper(extract(crlf(resource("seed-400-full.md"))));
    }

    @Test
    void fullWrapperFlattenedOnOneLineWithProseAround() {
        String text = "Hi team, after enabling the map we get this:\n\n" + FULL_WRAPPER.replace('\n', ' ')
                + "\n\nAny idea what to check?";
        assertBadRequestWrapper(extract(text));
    }

    @Test
    void reverseLegAndSeveralWrappers() {
        String text = "Dual write Initial Sync completed with status: Error. Following are the details: Executed leg: From CRM"
                + " contacts to AX Contacts V2 with exported records count: 12, ImportRecordsErrorCount: 3,"
                + " ImportRecordsInsertedCount: 9 and ImportRecordsUpdatedCount: 0 ErrorsDetails: Dual write Initial sync failed"
                + " Message: ([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error\n"
                + FULL_WRAPPER;
        ExtractedText x = extract(text);
        assertThat(x.legs()).extracting(SyncLeg::getDirection).containsExactly(Direction.DV_TO_FO, Direction.FO_TO_DV);
        assertThat(x.legs().get(0).getSourceEntity()).isEqualTo("contacts");
        assertThat(x.legs().get(0).getTargetEntity()).isEqualTo("Contacts V2");
        assertThat(x.legs().get(0).getExportedCount()).isEqualTo(12);
        assertThat(x.legs().get(0).getImportErrorCount()).isEqualTo(3);
        assertThat(x.errors()).extracting(SyncError::getHttpStatus).containsExactly(403, 400);
        assertThat(x.errors()).extracting(SyncError::getId).containsExactly("e1", "e2");
    }

    @Test
    void shortMessagesFromTheSeed() {
        SyncError e = extract(resource("seed-400-short.md")).errors().get(0);
        assertThat(e.getMessage()).isEqualTo("The remote server returned an error: (400) Bad Request.), AX export encountered an error");
        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getComponent()).isEqualTo("AX export encountered an error");
        ExtractedText forbidden = extract(resource("seed-403.md"));
        assertThat(forbidden.errors()).hasSize(1);
        assertThat(forbidden.errors().get(0).getHttpStatus()).isEqualTo(403);
        assertThat(forbidden.errors().get(0).getHttpReason()).isEqualTo("Forbidden");
        assertThat(forbidden.errors().get(0).getComponent()).isEqualTo("AX export encountered an error");
        assertThat(forbidden.errors().get(0).getMessage()).startsWith("([Forbidden], The remote server returned an error");
    }

    @Test
    void statusShapes() {
        assertThat(first("Response status code does not indicate success: 403 (Forbidden).")).satisfies(e -> {
            assertThat(e.getHttpStatus()).isEqualTo(403);
            assertThat(e.getHttpReason()).isEqualTo("Forbidden");
        });
        assertThat(first("Response status code does not indicate success: 403 (tokenexchange).").getHttpReason()).isEqualTo("tokenexchange");
        assertThat(first("Response status code does not indicate success: 404 (Not Found).").getHttpReason()).isEqualTo("Not Found");
        assertThat(first("Response status code does not indicate success: 401 (Unauthorized).").getHttpStatus()).isEqualTo(401);
        assertThat(first("[Forbidden], something went wrong").getHttpStatus()).isEqualTo(403);
        assertThat(first("Request failed with status code BadRequest and CDS error code : 0x80040265").getHttpStatus()).isEqualTo(400);
    }

    private static SyncError first(String text) {
        return extract(text).errors().get(0);
    }

    @Test
    void recordFormFromTheSeed() {
        ExtractedText x = extract(resource("seed-selfref.md"));
        assertThat(x.mapName()).isEqualTo("Vendors V2");
        assertThat(x.errors()).hasSize(1);
        SyncError e = x.errors().get(0);
        assertThat(e.getMapName()).isEqualTo("Vendors V2");
        assertThat(e.getRecordId()).isEqualTo("new record");
        assertThat(e.getLookupField()).isEqualTo("msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber");
        assertThat(e.getLookupValue()).isEqualTo("CN-001");
        assertThat(e.getCheckUrls()).containsExactly("https://sampleorg.crm.dynamics.com/api/data/v9.0/msdyn_vendors"
                + "?$select=msdyn_vendoraccountnumber,msdyn_vendorid&$filter=msdyn_vendoraccountnumber eq 'CN-001'");
        assertThat(e.getEntitySet()).isEqualTo("msdyn_vendors");
        assertThat(extract(crlf(resource("seed-selfref.md"))).errors().get(0).getLookupValue()).isEqualTo("CN-001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"The lookup value was not found:", "The lookup was not found:", "The lookup wasn't found:"})
    void recordFormWordingsAndOtherEntities(String wording) {
        String text = "On the Customers V3, the following error: Record Id: 5637144576, ErrorMessage: Couldn't resolve the guid"
                + " for the field: msdyn_billingaccount.accountnumber. " + wording + " 1206-1. Try this URL(s) to check if"
                + " the reference data exists: https://contoso.crm4.dynamics.com/api/data/v9.2/accounts?$select=accountnumber,"
                + "accountid&$filter=accountnumber eq '1206-1'";
        SyncError e = first(text);
        assertThat(e.getMapName()).isEqualTo("Customers V3");
        assertThat(e.getRecordId()).isEqualTo("5637144576");
        assertThat(e.getLookupField()).isEqualTo("msdyn_billingaccount.accountnumber");
        assertThat(e.getLookupValue()).isEqualTo("1206-1");
        assertThat(e.getEntitySet()).isEqualTo("accounts");
        assertThat(e.getCheckUrl()).endsWith("eq '1206-1'");
    }

    @Test
    void recordFormShortenedToOnTheMapStillNamesTheMap() {
        String one = "On the Customers V3, Couldn't resolve the guid for the field: msdyn_customergroupid.msdyn_groupid."
                + " The lookup wasn't found: 40.";
        String two = "On the Vendors V2, could not resolve the guid for the field:"
                + " msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber. The lookup wasn't found: V-7.";
        assertThat(first(one).getMapName()).isEqualTo("Customers V3");
        assertThat(first(one).getLookupValue()).isEqualTo("40");
        for (String text : List.of(one + "\n" + two, one + " " + two, one + "\n\n" + two)) {
            ExtractedText x = extract(text);
            assertThat(x.errors()).as(text).extracting(SyncError::getMapName).containsExactly("Customers V3", "Vendors V2");
            assertThat(x.errors()).as(text).extracting(SyncError::getLookupValue).containsExactly("40", "V-7");
            assertThat(x.mapName()).isEqualTo("Customers V3");
        }
        // Only a capitalised name straight before the error is a map.
        assertThat(first("On the other hand, couldn't resolve the guid for the field: primarycontactid.msdyn_contactpersonid."
                + " The lookup wasn't found: 7.").getMapName()).isNull();
        assertThat(first("Failed on the Customers V3 run. Couldn't resolve the guid for the field: primarycontactid.msdyn_contactpersonid."
                + " The lookup wasn't found: 7.").getMapName()).isNull();
    }

    @Test
    void bareRecordFormWithQuotedValueAndTwoUrls() {
        SyncError e = first("Couldn't resolve the guid for the field: msdyn_vendorprimarycontactperson.msdyn_contactpersonid."
                + " The lookup was not found: '000056'. Try this URL(s) to check if the reference data exists:"
                + " https://org.crm.dynamics.com/api/data/v9.0/contacts?$select=msdyn_contactpersonid&$filter=msdyn_contactpersonid eq '000056',"
                + " https://org.crm.dynamics.com/api/data/v9.0/contacts?$filter=msdyn_contactpersonid eq '000056' and statecode eq 0");
        assertThat(e.getMapName()).isNull();
        assertThat(e.getLookupValue()).isEqualTo("000056");
        assertThat(e.getCheckUrls()).hasSize(2);
        assertThat(e.getCheckUrls().get(1)).endsWith("eq '000056' and statecode eq 0");
        assertThat(e.getEntitySet()).isEqualTo("contacts");
    }

    @Test
    void severalRecordsOnSeparateLinesAndOnOneLine() {
        String one = "On the Vendors V2, the following error: Record Id: new record, ErrorMessage: Couldn't resolve the guid for"
                + " the field: msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber. The lookup was not found: V24-1.";
        String two = "On the Contacts V2, the following error: Record Id: new record, ErrorMessage: Couldn't resolve the guid for"
                + " the field: msdyn_contactforparty.msdyn_partynumber. The lookup was not found: 000006057.";
        for (String text : List.of(one + "\n" + two, one + " " + two, one + "\n\n" + two)) {
            ExtractedText x = extract(text);
            assertThat(x.errors()).extracting(SyncError::getMapName).containsExactly("Vendors V2", "Contacts V2");
            assertThat(x.errors()).extracting(SyncError::getLookupValue).containsExactly("V24-1", "000006057");
            assertThat(x.mapName()).isEqualTo("Vendors V2");
        }
    }

    @Test
    void codes() {
        SyncError e = first("Health check failed: DWFOEV1006 Default Team name mismatch for Dataverse and dual-write, DWDVEV1001.");
        assertThat(e.getCodes()).containsExactly("DWFOEV1006", "DWDVEV1001");
        assertThat(first("Project validation failed. [DIPV1022] Missing source field in the schema").getCodes()).containsExactly("DIPV1022");
        assertThat(first("DIPV1002").getCodes()).containsExactly("DIPV1002");
        assertThat(first("[{\\\"error\\\":{\\\"code\\\":\\\"0x80072560\\\"}}], The remote server returned an error: (403) Forbidden.")
                .getPlatformCode()).isEqualTo("0x80072560");
    }

    @Test
    void severalShortMessagesOnSeparateLines() {
        ExtractedText x = extract("Response status code does not indicate success: 401 (Unauthorized).\r\n"
                + "Response status code does not indicate success: 404 (Not Found).\r\n"
                + "([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error");
        assertThat(x.errors()).extracting(SyncError::getHttpStatus).containsExactly(401, 404, 403);
    }

    @Test
    void hardWrappedSingleErrorStaysOne() {
        ExtractedText x = extract("Unable to write data to entity uoms. Writes to UnitOfMeasureEntity failed with\n"
                + "error message Unable to sync with entity uoms.");
        assertThat(x.errors()).hasSize(1);
        assertThat(x.errors().get(0).getMessage()).isEqualTo(
                "Unable to write data to entity uoms. Writes to UnitOfMeasureEntity failed with error message Unable to sync with entity uoms.");
    }

    @Test
    void proseAroundIsNotAnError() {
        ExtractedText x = extract("Hi team,\n\nafter enabling the Vendors V2 map we get this:\n\n"
                + "Response status code does not indicate success: 403 (Forbidden).\n\n"
                + "We already tried twice and it keeps failing. Any idea?\nThanks, Anna");
        assertThat(x.errors()).hasSize(1);
        assertThat(x.errors().get(0).getMessage()).isEqualTo("Response status code does not indicate success: 403 (Forbidden).");
    }

    @Test
    void textWithNothingErrorLikeIsOneErrorAndBlankIsNone() {
        ExtractedText x = extract("The map shows a yellow banner\nsince this morning.");
        assertThat(x.errors()).hasSize(1);
        assertThat(x.errors().get(0).getMessage()).isEqualTo("The map shows a yellow banner since this morning.");
        assertThat(extract("  \n\n ").errors()).isEmpty();
        assertThat(ErrorExtractor.extract(null).errors()).isEmpty();
    }

    @Test
    void genericErrorsKeepTheirTextAndMapPrefix() {
        ExtractedText x = extract("Customers V3 (accounts): Project validation failed. Missing destination field"
                + " msdyn_billingaccount.accountnumber in the schema.\n"
                + "SecureConfig Organization (contoso) does not match actual CRM Organization (fabrikam).");
        assertThat(x.errors()).hasSize(2);
        assertThat(x.errors().get(0).getMapName()).isEqualTo("Customers V3");
        assertThat(x.errors().get(0).getEntitySet()).isEqualTo("accounts");
        assertThat(x.errors().get(1).getMessage()).startsWith("SecureConfig Organization (contoso)");
    }

    @Test
    void stackTopOfAGenericError() {
        SyncError e = first("MSG=[Failed to setup dual write environment. Error Details:Response status code does not indicate"
                + " success: 403 (Forbidden).] STACKTRACE=[   at Microsoft.Dynamics.Integrator.ProjectManagementService.DualWrite."
                + "DualWriteConnectionSetProcessor.<CreateDualWriteConnectionSetAsync>d__29.MoveNext() in X:\\bt\\1\\a.cs:line 297]");
        assertThat(e.getStackTop()).isEqualTo("Microsoft.Dynamics.Integrator.ProjectManagementService.DualWrite."
                + "DualWriteConnectionSetProcessor.<CreateDualWriteConnectionSetAsync>d__29.MoveNext()");
        assertThat(e.getHttpStatus()).isEqualTo(403);
    }

    @Test
    void largeInputYieldsEveryError() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("On the Vendors V2, the following error: Record Id: new record, ErrorMessage: Couldn't resolve the guid for"
                    + " the field: a.b. The lookup was not found: V").append(i).append(". (400) [Forbidden] 403 (x) https://a/api/data/v9.0/x eq\n");
        }
        // Time is bounded relative to a plain pass in LinearTimeTest; here: nothing lost at this size.
        ExtractedText x = ErrorExtractor.extract(TextNormaliser.normalise(sb.toString()));
        assertThat(x.errors()).hasSize(20_000);
        assertThat(x.errors().get(19_999).getLookupValue()).isEqualTo("V19999");
    }
}
