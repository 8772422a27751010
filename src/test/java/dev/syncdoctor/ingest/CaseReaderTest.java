package dev.syncdoctor.ingest;

import dev.syncdoctor.model.Count;
import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.Phase;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.SyncCase;
import dev.syncdoctor.model.SyncError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseReaderTest {
    private static final String FORBIDDEN = "([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error";

    @TempDir
    Path dir;

    private final CaseReader reader = new CaseReader(CaseReader.DEFAULT_MAX_BYTES);

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private CaseFacts only(List<CaseFacts> cases) {
        assertThat(cases).hasSize(1);
        return cases.get(0);
    }

    @Test
    void rawTextFileIsOneCaseNamedAfterTheFile() throws Exception {
        Path file = write("bad-request.txt", TestTexts.resource("seed-400-full.md"));
        CaseFacts c = only(reader.read(file));
        assertThat(c.getSource()).isEqualTo(file.toString());
        assertThat(c.getSyncCase().getId()).isEqualTo("bad-request");
        assertThat(c.getSyncCase().getCompletionStatus()).isEqualTo("Error");
        assertThat(c.getLegs()).hasSize(1);
        assertThat(c.getErrors()).extracting(SyncError::getId).containsExactly("e1");
        assertThat(c.getErrors().get(0).getHttpStatus()).isEqualTo(400);
    }

    @Test
    void logAndExtensionlessFilesAreText() throws Exception {
        assertThat(only(reader.read(write("sync.log", FORBIDDEN))).getErrors()).hasSize(1);
        CaseFacts c = only(reader.read(write("ticket-42", FORBIDDEN)));
        assertThat(c.getSyncCase().getId()).isEqualTo("ticket-42");
        assertThat(c.getErrors()).hasSize(1);
    }

    @Test
    void emptyTextFileIsACaseWithoutErrors() throws Exception {
        CaseFacts c = only(reader.read(write("empty.txt", "")));
        assertThat(c.getErrors()).isEmpty();
        assertThat(c.getSyncCase().getId()).isEqualTo("empty");
    }

    @Test
    void jsonCaseWithAllFields() throws Exception {
        String json = "{\"case\": \"vendors\", \"map\": \"Vendors V2\", \"status\": \"Not running\", \"phase\": \"initial\","
                + " \"direction\": \"FO->DV\", \"attempts\": 2, \"occurrences\": 3, \"consistent\": true,"
                + " \"roles\": [\"System admin\"], \"durationMinutes\": 5, \"rowCount\": 1000, \"legalEntityCount\": 2,"
                + " \"lookupCount\": 11, \"error\": \"" + FORBIDDEN + "\","
                + " \"errors\": [\"Response status code does not indicate success: 401 (Unauthorized).\\nDWFOEV1006\", \"DIPV1022\"],"
                + " \"expected\": {\"status\": \"diagnosed\", \"deep\": [[1, 2], {\"x\": null}]}}";
        CaseFacts c = only(reader.read(write("ignored-name.json", json)));
        SyncCase s = c.getSyncCase();
        assertThat(s.getId()).isEqualTo("vendors");
        assertThat(s.getMapName()).isEqualTo("Vendors V2");
        assertThat(s.getMapStatus()).isEqualTo("Not running");
        assertThat(s.getPhase()).isEqualTo(Phase.INITIAL);
        assertThat(s.getDirection()).isEqualTo(Direction.FO_TO_DV);
        assertThat(s.getAttempts()).isEqualTo(2);
        assertThat(s.getOccurrences()).isEqualTo(3);
        assertThat(s.isConsistent()).isTrue();
        assertThat(s.holdsRole("sysadmin")).isTrue();
        assertThat(s.getDurationMinutes()).isEqualTo(5);
        assertThat(s.getRowCount()).isEqualTo(1000);
        assertThat(s.getLegalEntityCount()).isEqualTo(2);
        assertThat(s.getLookupCount()).isEqualTo(11);
        assertThat(c.getErrors()).extracting(SyncError::getId).containsExactly("e1", "e2", "e3", "e4");
        assertThat(c.getErrors()).extracting(SyncError::getHttpStatus).containsExactly(403, 401, 0, 0);
        assertThat(c.getErrors().get(3).getCodes()).containsExactly("DIPV1022");
    }

    @Test
    void jsonCaseIdDefaultsToFileNameAndMapComesFromTheText() throws Exception {
        CaseFacts c = only(reader.read(write("selfref.json", "{\"error\": \"On the Vendors V2, the following error: Record Id:"
                + " new record, ErrorMessage: Couldn't resolve the guid for the field: a.b. The lookup was not found: V1.\"}")));
        assertThat(c.getSyncCase().getId()).isEqualTo("selfref");
        assertThat(c.getSyncCase().getMapName()).isEqualTo("Vendors V2");
        assertThat(c.getErrors().get(0).getLookupValue()).isEqualTo("V1");
    }

    @Test
    void yamlCase() throws Exception {
        String yaml = "case: customers\nmap: Customers V3\nattempts: 1\nroles: System admin\nerrors:\n"
                + "  - |\n    Couldn't resolve the guid for the field: msdyn_billingaccount.accountnumber.\n"
                + "    The lookup was not found: 1206-1.\n";
        CaseFacts c = only(reader.read(write("c.yaml", yaml)));
        assertThat(c.getSyncCase().getId()).isEqualTo("customers");
        assertThat(c.getSyncCase().getRoles()).containsExactly("System admin");
        assertThat(c.getErrors()).hasSize(1);
        assertThat(c.getErrors().get(0).getLookupValue()).isEqualTo("1206-1");
        assertThat(only(reader.read(write("d.yml", "map: Vendors V2\n"))).getSyncCase().getMapName()).isEqualTo("Vendors V2");
    }

    @Test
    void brokenJsonGivesLineAndColumn() throws Exception {
        Path file = write("broken.json", "{\n  \"map\": \"Vendors V2\",\n  \"attempts\": 2\n  \"status\": \"Running\"\n}");
        assertThatThrownBy(() -> reader.read(file)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.getFile()).isEqualTo(file.toString());
            assertThat(e.getLine()).isEqualTo(4);
            assertThat(e.getColumn()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith(file + ":4:3: invalid JSON").doesNotContain("\n");
        });
    }

    @Test
    void wrongTypesGiveFieldLineAndColumn() throws Exception {
        Path file = write("types.json", "{\"map\": \"Vendors V2\",\n \"attempts\": \"two\"}");
        assertThatThrownBy(() -> reader.read(file)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.getLine()).isEqualTo(2);
            assertThat(e.getColumn()).isGreaterThan(0);
            assertThat(e.getReason()).contains("attempts").contains("whole number").contains("two");
        });
        assertThatThrownBy(() -> reader.read(write("neg.json", "{\"occurrences\": -1}")))
                .isInstanceOf(InputException.class).hasMessageContaining("occurrences");
        assertThatThrownBy(() -> reader.read(write("float.json", "{\"attempts\": 2.5}")))
                .isInstanceOf(InputException.class).hasMessageContaining("attempts");
        assertThatThrownBy(() -> reader.read(write("bool.json", "{\"consistent\": \"often\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("consistent");
        assertThatThrownBy(() -> reader.read(write("phase.json", "{\"phase\": \"sometimes\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("phase");
        assertThatThrownBy(() -> reader.read(write("map.json", "{\"map\": {\"name\": 1}}")))
                .isInstanceOf(InputException.class).hasMessageContaining("map");
        assertThatThrownBy(() -> reader.read(write("array.json", "[1, 2]")))
                .isInstanceOf(InputException.class).hasMessageContaining("object");
        assertThatThrownBy(() -> reader.read(write("dup.json", "{\"map\": \"a\", \"map\": \"b\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("map");
        assertThatThrownBy(() -> reader.read(write("bad.yaml", "attempts: [1,\n")))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getLine()).isGreaterThan(0));
    }

    @Test
    void lenientButUnambiguousValues() throws Exception {
        CaseFacts c = only(reader.read(write("lenient.json",
                "{\"attempts\": \"3\", \"phase\": \"Initial sync\", \"direction\": \"AX -> CRM\", \"errors\": \"DIPV1022\"}")));
        assertThat(c.getSyncCase().getAttempts()).isEqualTo(3);
        assertThat(c.getSyncCase().getPhase()).isEqualTo(Phase.INITIAL);
        assertThat(c.getSyncCase().getDirection()).isEqualTo(Direction.FO_TO_DV);
        assertThat(c.getErrors()).hasSize(1);
    }

    @Test
    void tooDeepJsonIsRefused() throws Exception {
        String deep = "{\"expected\": " + "[".repeat(200) + "]".repeat(200) + "}";
        assertThatThrownBy(() -> reader.read(write("deep.json", deep))).isInstanceOf(InputException.class);
    }

    @Test
    void unknownFieldsAreWarnedAndIgnored() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(CaseDocumentReader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Path file = write("unknown.json", "{\"map\": \"Vendors V2\", \"colour\": {\"a\": [1]}, \"error\": \"DIPV1022\"}");
            CaseFacts c = only(reader.read(file));
            assertThat(c.getSyncCase().getMapName()).isEqualTo("Vendors V2");
            assertThat(c.getErrors()).hasSize(1);
            assertThat(appender.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains(file.toString()).contains("colour");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void jsonWithoutCaseFieldsIsReadAsErrorText() throws Exception {
        String payload = "{\"entityName\":\"CustCustomerV3Entity\",\"recordResponses\":[{\"errorMessage\":\"Unable to generate"
                + " payload for entity CustCustomerV3Entity\"}]}";
        CaseFacts c = only(reader.read("-", new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8))));
        assertThat(c.getErrors()).hasSize(1);
        assertThat(c.getErrors().get(0).mentions("Unable to generate payload for entity")).isTrue();
    }

    @Test
    void stdinDecidesByContent() throws Exception {
        CaseFacts text = only(reader.read("-", new ByteArrayInputStream(FORBIDDEN.getBytes(StandardCharsets.UTF_8))));
        assertThat(text.getSource()).isEqualTo("-");
        assertThat(text.getSyncCase().getId()).isEqualTo("stdin");
        assertThat(text.getErrors().get(0).getHttpStatus()).isEqualTo(403);
        CaseFacts json = only(reader.read("-", new ByteArrayInputStream(
                "  \n{\"case\": \"piped\", \"attempts\": 2, \"error\": \"DWFOEV1006\"}".getBytes(StandardCharsets.UTF_8))));
        assertThat(json.getSyncCase().getId()).isEqualTo("piped");
        assertThat(json.getErrors().get(0).getCodes()).containsExactly("DWFOEV1006");
        assertThatThrownBy(() -> reader.read("-", new ByteArrayInputStream("{\"case\": ".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getFile()).isEqualTo("-"));
    }

    @Test
    void bomsAndUtf16() throws Exception {
        byte[] text = FORBIDDEN.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertThat(only(reader.read(write("bom.txt", withBom))).getErrors().get(0).getMessage()).isEqualTo(FORBIDDEN);
        assertThat(only(reader.read(write("bom.json", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"map\": \"Vendors V2\"}".getBytes(StandardCharsets.UTF_8))))).getSyncCase().getMapName()).isEqualTo("Vendors V2");
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, FORBIDDEN.getBytes(StandardCharsets.UTF_16LE));
        assertThat(only(reader.read(write("le.txt", le))).getErrors().get(0).getMessage()).isEqualTo(FORBIDDEN);
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, FORBIDDEN.getBytes(StandardCharsets.UTF_16BE));
        assertThat(only(reader.read(write("be.txt", be))).getErrors().get(0).getMessage()).isEqualTo(FORBIDDEN);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void binaryIsRefused() throws Exception {
        Path nul = write("image.txt", new byte[] {'G', 'I', 'F', 0, 1, 2});
        assertThatThrownBy(() -> reader.read(nul)).isInstanceOf(InputException.class)
                .hasMessage(nul + ": not a text file (binary, or neither UTF-8 nor Windows-1252 text)");
        Path control = write("control.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9, 0x07, ' ', 'f'});
        assertThatThrownBy(() -> reader.read(control)).isInstanceOf(InputException.class).hasMessageContaining("not a text file");
    }

    @Test
    void windows1252TextIsReadAsSuch() throws Exception {
        // Notepad's "ANSI": e with acute accent as 0xE9, curly quotes as 0x93/0x94, the euro sign as 0x80.
        byte[] ansi = concat(new byte[] {'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'V', '2', (byte) 0x94, ' ', (byte) 0x80, ':', ' '},
                FORBIDDEN.getBytes(StandardCharsets.US_ASCII));
        CaseFacts c = reader.read(write("ansi.txt", ansi)).get(0);
        assertThat(c.getErrors()).isNotEmpty();
        assertThat(c.getErrors().get(0).getMessage()).contains("(403) Forbidden");
    }

    @Test
    void sizeLimitIsEnforcedWithoutReadingEverything() throws Exception {
        CaseReader small = new CaseReader(1024);
        Path big = write("big.txt", "x".repeat(1025));
        assertThatThrownBy(() -> small.read(big)).isInstanceOf(InputException.class).hasMessageContaining("1 KB");
        assertThat(small.read(write("fits.txt", "y".repeat(1024)))).hasSize(1);
        int[] served = new int[1];
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'z';
            }
        };
        assertThatThrownBy(() -> small.read("-", endless)).isInstanceOf(InputException.class).hasMessageContaining("limit");
        assertThat(served[0]).isLessThanOrEqualTo(1025);
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> reader.read(missing)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.getFile()).isEqualTo(missing.toString());
            assertThat(e.getReason()).contains("no such file");
        });
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(InputException.class).hasMessageContaining("directory");
    }

    @Test
    void fromTextAndContext() {
        CaseFacts c = reader.fromText("facts/examples/bad-request.txt", null, FORBIDDEN);
        assertThat(c.getSyncCase().getId()).isEqualTo("bad-request");
        CaseContext context = CaseContext.builder().map("Vendors V2").status("Not running").attempts(2)
                .consistent(true).role("System admin").build();
        context.applyTo(c.getSyncCase());
        assertThat(c.getSyncCase().getMapName()).isEqualTo("Vendors V2");
        assertThat(c.getSyncCase().getAttempts()).isEqualTo(2);
        assertThat(c.getSyncCase().isRecurring()).isTrue();
        assertThat(c.getSyncCase().holdsRole("System administrator")).isTrue();
        assertThat(c.getSyncCase().getOccurrences()).isEqualTo(Count.UNKNOWN);
    }

    @Test
    void inputExceptionRendersOneLine() {
        assertThat(new InputException("a.json", 3, 7, "bad").getMessage()).isEqualTo("a.json:3:7: bad");
        assertThat(new InputException("a.json", 3, 0, "bad").getMessage()).isEqualTo("a.json:3: bad");
        assertThat(new InputException("a.json", "multi\nline").getMessage()).isEqualTo("a.json: multi line");
    }
}
