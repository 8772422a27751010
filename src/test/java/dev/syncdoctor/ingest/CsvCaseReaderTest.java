package dev.syncdoctor.ingest;

import dev.syncdoctor.model.Direction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.SyncError;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCaseReaderTest {
    private static final String HEADER = "case_id,map,status,direction,phase,attempts,occurrences,roles,message\n";
    private static final String BAD_REQUEST =
            "([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error";
    private final CsvCaseReader reader = new CsvCaseReader();

    private List<CaseEntry> read(String csv) throws InputException {
        return reader.read("export.csv", new StringReader(csv));
    }

    @Test
    void rowsWithTheSameCaseIdFormOneCaseInFirstAppearanceOrder() throws Exception {
        List<CaseEntry> entries = read(HEADER
                + "c2,Vendors V2,Not running,FO->DV,initial,1,2,System admin;Sales manager,\"" + BAD_REQUEST + "\"\n"
                + "c1,Customers V3,,,,,,,first error of c1\n"
                + "c2,,,,,3,1,Data manager,\"(403) Forbidden, AX export encountered an error\"\n");
        assertThat(entries).extracting(CaseEntry::source).containsExactly("export.csv#c2", "export.csv#c1");
        assertThat(entries).allMatch(CaseEntry::ok);
        CaseFacts c2 = entries.get(0).facts();
        assertThat(c2.getSource()).isEqualTo("export.csv#c2");
        assertThat(c2.getSyncCase().getId()).isEqualTo("c2");
        assertThat(c2.getErrors()).hasSize(2).extracting(SyncError::getId).containsExactly("e1", "e2");
        assertThat(c2.getErrors().get(1).getMessage()).contains("(403) Forbidden");
        assertThat(c2.getSyncCase().getMapName()).isEqualTo("Vendors V2");
        assertThat(c2.getSyncCase().getMapStatus()).isEqualTo("Not running");
        assertThat(c2.getSyncCase().getDirection()).isEqualTo(Direction.FO_TO_DV);
        assertThat(c2.getSyncCase().getAttempts()).isEqualTo(3);
        assertThat(c2.getSyncCase().getOccurrences()).isEqualTo(2);
        assertThat(c2.getSyncCase().getRoles()).containsExactly("System admin", "Sales manager", "Data manager");
    }

    @Test
    void quotedMultiLineMessagesStayWholeAndLinesAreCountedForLaterRows() throws Exception {
        List<CaseEntry> entries = read(HEADER
                + "c1,,,,,,,,\"Dual write Initial sync failed\nMessage: " + BAD_REQUEST + "\nStacktrace: at \"\"X\"\"\"\n"
                + "c2,,,,,,,,too,many,values\n");
        assertThat(entries).hasSize(2);
        // The whole quoted text reached the extractor as one wrapper: its headline and stack trace are
        // context, its Message part is the one error.
        assertThat(entries.get(0).facts().getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).startsWith("([Bad Request]").contains("(400) Bad Request"));
        CaseEntry bad = entries.get(1);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.source()).isEqualTo("export.csv:5");
        assertThat(bad.problem().getMessage()).startsWith("export.csv:5: ").contains("11 values").contains("header has 9");
    }

    @Test
    void anUnbalancedQuoteGivesOneProblemNamingTheLineAndKeepsTheRowsBefore() throws Exception {
        List<CaseEntry> entries = read(HEADER
                + "c1,,,,,,,,first\n"
                + "c2,,,,,,,,\"never closed\n"
                + "c3,,,,,,,,swallowed\n");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).source()).isEqualTo("export.csv#c1");
        assertThat(entries.get(1).ok()).isFalse();
        assertThat(entries.get(1).problem().getMessage()).startsWith("export.csv:3: ").contains("quote").contains("line 3");
    }

    @Test
    void badRowsAreProblemsNotDrops() throws Exception {
        List<CaseEntry> entries = read(HEADER
                + ",,,,,,,,no case id\n"
                + "c1,,,,,two,,,attempts not a number\n"
                + "c1,,,,,,,,fine\n");
        assertThat(entries).extracting(CaseEntry::source)
                .containsExactly("export.csv:2", "export.csv:3", "export.csv#c1");
        assertThat(entries.get(0).problem().getMessage()).contains("no case_id");
        assertThat(entries.get(1).problem().getMessage()).contains("whole numbers").contains("'two'");
        assertThat(entries.get(2).facts().getErrors()).hasSize(1);
    }

    @Test
    void columnsMayComeInAnyOrderAndOnlyCaseIdAndMessageAreRequired() throws Exception {
        List<CaseEntry> entries = read("\uFEFFMessage,Case_ID\n\"" + BAD_REQUEST + "\",x\n");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("export.csv#x");
            assertThat(e.facts().getErrors()).hasSize(1);
        });
        assertThatThrownBy(() -> read("case,text\n1,2\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("export.csv:1").hasMessageContaining("case_id");
        assertThatThrownBy(() -> read("")).isInstanceOf(InputException.class).hasMessageContaining("no header");
    }

    @Test
    void excelExportsWithSemicolonsOrTabsAreReadLikeCommaOnes() throws Exception {
        for (String d : List.of(";", "\t")) {
            String csv = "\uFEFFcase_id" + d + "map" + d + "status" + d + "message\r\n"
                    + "INC-7" + d + "Customers V3" + d + "Not running" + d + "\"On the row; a note\r\n" + BAD_REQUEST + "\"\r\n"
                    + "INC-8" + d + "Vendors V2" + d + "Not running" + d + "\"" + BAD_REQUEST + "\"\r\n";
            List<CaseEntry> entries = new CsvCaseReader().read("export.csv", csv);
            assertThat(entries).as(d).extracting(CaseEntry::source).containsExactly("export.csv#INC-7", "export.csv#INC-8");
            assertThat(entries.get(0).facts().getSyncCase().getMapName()).isEqualTo("Customers V3");
            assertThat(entries.get(0).facts().getErrors()).extracting(e -> e.getMessage()).anyMatch(m -> m.contains("(400) Bad Request"));
        }
    }

    @Test
    void theDelimiterIsTheOneTheHeaderUsesMostOutsideQuotes() {
        assertThat(CsvCaseReader.delimiterOf("case_id,message\n;;;;;\n")).isEqualTo(',');
        assertThat(CsvCaseReader.delimiterOf("case_id;map;message\n")).isEqualTo(';');
        assertThat(CsvCaseReader.delimiterOf("\"case,id\";message\n")).isEqualTo(';');
        assertThat(CsvCaseReader.delimiterOf("case_id\tmessage\n")).isEqualTo('\t');
        assertThat(CsvCaseReader.delimiterOf("message\n")).isEqualTo(',');
    }

    @Test
    void aPhaseOrDirectionThatMeansNothingIsABadRow() throws Exception {
        List<CaseEntry> entries = read("case_id,direction,phase,message\nc1,Dataverse to FO,initial sync,\"" + BAD_REQUEST
                + "\"\nc2,sideways,,x\n");
        assertThat(entries.get(0).facts().getSyncCase().getDirection()).isEqualTo(dev.syncdoctor.model.Direction.DV_TO_FO);
        assertThat(entries.get(1).problem().getMessage()).isEqualTo("export.csv:3: direction: 'sideways' is not FO->DV or DV->FO");
    }
}
