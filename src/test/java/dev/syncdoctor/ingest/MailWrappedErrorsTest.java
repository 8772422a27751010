package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.syncdoctor.ingest.TestTexts.crlf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error texts as a mail or chat client wraps them: the lines of one error come back as one error, with
 * the spaces the client broke at, and the analyst's own lines around stay apart.
 */
class MailWrappedErrorsTest {

    private static List<String> errors(String raw) {
        return ErrorExtractor.extract(TextNormaliser.normalise(raw)).errors().stream().map(SyncError::getMessage).toList();
    }

    private static String mail(String... body) {
        return "Hello all,\n\n"
                + "we enabled the Modes of delivery table map in our UAT and it went to Not\n"
                + "running. Error below.\n\n"
                + String.join("\n", body) + "\n\n"
                + "Is this a known problem? I could not find anything in our wiki.\n\n"
                + "Kind regards,\nMaria Lopez";
    }

    // ---- two wrapped lines of one length: a wrap at spaces, not a cut at a fixed column

    @Test
    void twoLinesOfTheMarginsLengthWrappedAtFunctionWordsKeepTheirSpaces() {
        String text = mail(
                "Unable to write data to entity msdyn_contactforparties. Unable to lookup",
                "msdyn_parties with values {000052152}. Unable to lookup cdm_workers with",
                "values {008737}.");
        assertThat(errors(text)).containsExactly("Unable to write data to entity msdyn_contactforparties. Unable to lookup"
                + " msdyn_parties with values {000052152}. Unable to lookup cdm_workers with values {008737}.");
        assertThat(errors(crlf(text))).isEqualTo(errors(text));
    }

    @Test
    void linesOfOneLengthShorterThanALineElsewhereWereNotCutAtThatColumn() {
        // 58 and 58 columns; the analyst's sentence above reaches 59: nothing was cut at column 58.
        String text = "Hi,\n\nsince this morning the Customers V3 map will not start. The\n"
                + "Initial sync details tab shows:\n\n"
                + "Datasource : DirPartyTable for entity CustCustomerV3Entity\n"
                + "has a range. Only records that satisfy the range condition\n"
                + "are picked up for outbound.\n";
        assertThat(TextNormaliser.normalise(text)).contains("for entity CustCustomerV3Entity has a range. Only records"
                + " that satisfy the range condition are picked up for outbound.");
    }

    @Test
    void aParagraphCutInsideWordsAtAFixedColumnIsStillJoinedWithoutSpaces() {
        // A terminal cut at 56: one break of seven falls on "is" by chance ("th" / "is"); the others are inside words.
        String message = "On the Vendors V2, the following error: Record Id: new record, ErrorMessage: Couldn't resolve"
                + " the guid for the field: msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber. The lookup value"
                + " was not found: CN-001. Try this URL(s) to check if the reference data exists:"
                + " https://sampleorg.crm.dynamics.com/api/data/v9.0/msdyn_vendors?$select=msdyn_vendoraccountnumber,"
                + "msdyn_vendorid&$filter=msdyn_vendoraccountnumber eq 'CN-001'";
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < message.length(); i += 56) {
            cut.append(message, i, Math.min(message.length(), i + 56)).append('\n');
        }
        assertThat(cut.toString()).contains("th\nis");
        assertThat(TextNormaliser.normalise(cut.toString())).isEqualTo(TextNormaliser.normalise(message));
    }

    @Test
    void aCutParagraphWithABreakBeforePunctuationIsACutEvenAtFunctionWords() {
        // 3 lines of 50: the breaks fall after "the" and before ":", which no wrap at spaces makes.
        String cut = "Couldn't resolve the guid for the field msdyn_ the\n"
                + "Xfield_value_for_the_account_number_of_the_vendors\n"
                + ": msdyn_billingaccount.accountnumber. Not found.\n";
        assertThat(cut.lines().mapToInt(String::length).limit(2)).containsOnly(50);
        assertThat(TextNormaliser.normalise(cut)).contains("theXfield_value_for_the_account_number_of_the_vendors:");
    }

    // ---- a short line before a long token

    @Test
    void aShortLineBeforeABracketedGuidThatDidNotFitGoesOn() {
        String text = "Hi,\n\none of our users reported this in DEMF, pasted from the\nDual-write page:\n\n"
                + "SecureConfig Organization\n"
                + "(836488a3-9e9e-4b80-88b4-40c239a60f5d) does not match actual\n"
                + "CRM Organization (cb709271-d531-4c2a-98d6-c0f282e3e168).\n\n"
                + "Could you have a look? The go-live is next week.";
        assertThat(errors(text)).containsExactly("SecureConfig Organization (836488a3-9e9e-4b80-88b4-40c239a60f5d) does"
                + " not match actual CRM Organization (cb709271-d531-4c2a-98d6-c0f282e3e168).");
    }

    @Test
    void aLabelEndingShortOfTheMarginBeforeAnExceptionTypeGoesOn() {
        String text = mail(
                "Unable to write data to entity msdyn_contactforparties.Writes to",
                "smmContactPersonV2Entity failed with error message Request failed with",
                "status code BadRequest and CDS error code: 0x0 response message: An",
                "error occurred while validating input parameters:",
                "Microsoft.OData.ODataException: Cannot convert the literal '' to the",
                "expected type 'Edm.Int32'.");
        assertThat(errors(text)).singleElement().asString()
                .contains("validating input parameters: Microsoft.OData.ODataException: Cannot convert the literal");
    }

    @Test
    void aShortLineStaysApartWhenTheNextLineDoesNotReachTheMarginOrTheLineEndsNoWord() {
        String text = "one of our users reported this in DEMF, pasted from the Dual-write\npage:\n\n"
                + "Request failed for the export of vendors\n"
                + "Microsoft.OData.ODataException: failed.\n\n"
                + "Hello all,\n"
                + "(836488a3-9e9e-4b80-88b4-40c239a60f5d) does not match actual value\n";
        String normal = TextNormaliser.normalise(text);
        assertThat(normal).contains("Request failed for the export of vendors\nMicrosoft.OData.ODataException")
                .contains("Hello all,\n(836488a3");
    }

    @Test
    void anAnalystsLinePointingAtThePasteStaysApartFromIt() {
        String text = "one of our users reported this in DEMF, pasted from the Dual-write\n"
                + "page, the full error text is pasted below\n"
                + "Microsoft.OData.ODataException: Cannot convert the literal '' to the\n"
                + "expected type 'Edm.Int32'.\n";
        assertThat(TextNormaliser.normalise(text)).contains("is pasted below\nMicrosoft.OData.ODataException");
    }

    // ---- the plug-in type after "from plug-in (Execute):"

    @Test
    void thePluginTypeOnALineOfItsOwnBelongsToTheErrorAroundIt() {
        String text = "Hi team,\n\nsee below what the customer sent us yesterday evening.\n\n"
                + "Unexpected exception from plug-in (Execute):\n"
                + "Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PreCommitPlugin:\n"
                + "Error Code: -2147220970 Error Message: Message size exceeded when\n"
                + "sending context to Sandbox. Message size: 151 MB\n\n"
                + "Let me know if you need the activity ID or more of the log.";
        assertThat(errors(text)).containsExactly("Unexpected exception from plug-in (Execute):"
                + " Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PreCommitPlugin: Error Code: -2147220970"
                + " Error Message: Message size exceeded when sending context to Sandbox. Message size: 151 MB");
        assertThat(errors("> " + text.replace("\n", "\n> "))).isEqualTo(errors(text));
    }

    // ---- a URL longer than the margin

    @Test
    void theWordAfterAUrlLongerThanTheMarginGoesOn() {
        String text = "Good morning,\n\nsince this morning the Modes of delivery map will not start. The Initial sync\n"
                + "details tab shows:\n\n"
                + "5 Attempts to get data from\n"
                + "https://europe-002.azure-apim.net/apim/commondataserviceforapps/14861dc7fdf8469694b907c5264fb0ef...\n"
                + "Failed\n\n"
                + "Let me know if you need the activity ID or more of the log.";
        assertThat(errors(text)).containsExactly("5 Attempts to get data from"
                + " https://europe-002.azure-apim.net/apim/commondataserviceforapps/14861dc7fdf8469694b907c5264fb0ef... Failed");
    }

    @Test
    void aSentenceAfterAUrlThatEndsOneStaysApart() {
        String text = "since this morning the Modes of delivery map will not start. The Initial sync\n"
                + "details tab shows the link below, it failed:\n"
                + "https://europe-002.azure-apim.net/apim/commondataserviceforapps/14861dc7fdf8469694b907c5264fb0ef.\n"
                + "Could you have a look? The go-live is next week.";
        assertThat(TextNormaliser.normalise(text)).endsWith("fb0ef.\nCould you have a look? The go-live is next week.");
    }

    @Test
    void aLongLineAfterAUrlLongerThanTheMarginStaysApart() {
        // One lookup error per line, the first ending in a URL alone on its line: the next error is its own.
        String text = "Hello all, the lookups below failed again this morning after the refresh\n\n"
                + "Try this URL(s) to check if the reference data exists:\n"
                + "https://sampleorg.crm.dynamics.com/api/data/v9.0/msdyn_vendors?$select=msdyn_vendorid\n"
                + "Couldn't resolve the guid for the field: msdyn_billingaccount.accountnumber.\n";
        assertThat(TextNormaliser.normalise(text)).contains("msdyn_vendorid\nCouldn't resolve the guid");
    }

    // ---- a wrap right after a sentence end inside a documented message

    @Test
    void theVersionsAfterAVersionMismatchWrappedOntoTheNextLineGoOn() {
        String text = "Hi team,\n\nI tried twice already, same result every time:\n\n"
                + "Dynamics 365 for Sales solution 'Dynamics365Company' has version mismatch.\n"
                + "Version: '1.0.0.0' Required version: '2.0.133'\n\n"
                + "Let me know if you need the activity ID or more of the log.";
        assertThat(errors(text)).containsExactly("Dynamics 365 for Sales solution 'Dynamics365Company' has version"
                + " mismatch. Version: '1.0.0.0' Required version: '2.0.133'");
    }

    @Test
    void theInstructionAfterProductIdIsMandatoryWrappedOntoTheNextLineGoesOn() {
        String text = "Hi,\n\none of our users reported this in USSI, pasted from the Dual-write page:\n\n"
                + "Posting - Unable to write data to entity\n"
                + "msdyn_projectvendorinvoicelines.Writes to ProjVendInvoiceLineExportEntity\n"
                + "failed with the error message Request failed with status code BadRequest and\n"
                + "CDS error code : 0x80040265 response message: Product id is mandatory.\n"
                + "Select a product from the catalog.\n\n"
                + "Let me know if you need the activity ID or more of the log.";
        assertThat(errors(text)).singleElement().asString()
                .endsWith("response message: Product id is mandatory. Select a product from the catalog.");
    }

    @Test
    void aVersionLineAfterAnotherSentenceStaysApart() {
        assertThat(TextNormaliser.normalise("The sync of the solution failed.\nVersion: '1.0.0.0'"))
                .isEqualTo("The sync of the solution failed.\nVersion: '1.0.0.0'");
    }

    // ---- "- Failed" wrapped onto a line of its own

    @Test
    void aFailedMarkWrappedOntoTheNextLineIsTheStatusOfTheCheckNotAListItem() {
        String text = "Good morning,\n\none of our users reported this in FRRT, pasted from the\nDual-write page:\n\n"
                + "Link to Dataverse wizard, health check:\n"
                + "The dual-write registration and runtime plugins are enabled\n"
                + "- Failed\n\n"
                + "Let me know if you need the activity ID or more of the log.";
        assertThat(TextNormaliser.normalise(text)).contains("The dual-write registration and runtime plugins are enabled - Failed");
        // A list item that says more than the mark stays an item.
        assertThat(TextNormaliser.normalise(text.replace("- Failed", "- Failed to register"))).contains("enabled\n- Failed to register");
    }
}
