package dev.syncdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API over real HTTP: every endpoint, every error status, the security headers. */
class ServeApiTest {
    static final Path BAD_REQUEST = Path.of("facts/examples/initial-sync/bad-request-docs-example.txt");
    static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        http = RunningServer.start(ServeSettings.loopback(0, Path.of("rules"), Path.of("facts")));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static String text(Path p) throws Exception {
        return Files.readString(p);
    }

    @Test
    void diagnosesRawTextWithContextFromQueryParameters() throws Exception {
        HttpResponse<String> r = http.post("/api/v1/diagnose?occurrences=3&map=Customers%20V3", "text/plain", text(BAD_REQUEST));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode j = RunningServer.json(r);
        assertThat(j.get("status").asText()).isEqualTo("diagnosed");
        assertThat(j.at("/diagnoses/0/issue").asText()).isEqualTo("dixf-service-stopped");
        assertThat(j.at("/requirements/0/name").asText()).isEqualTo("System admin");
        assertThat(j.at("/requirements/0/held").asBoolean()).isFalse();
        List<String> steps = new ArrayList<>();
        j.get("actions").forEach(a -> steps.add(a.get("text").asText()));
        // Consistent (3 occurrences): the documented fix, not only a re-run.
        assertThat(steps).anyMatch(s -> s.contains("Data import export framework"));
        // The answer names the rules in service, as /healthz does.
        assertThat(j.at("/rules/folder").asText()).isEqualTo("rules");
        assertThat(j.at("/rules/hash").asText()).isEqualTo(RunningServer.json(http.get("/healthz")).at("/rules/hash").asText());
        HttpResponse<String> md = http.post("/api/v1/diagnose?format=markdown", "text/plain", text(BAD_REQUEST));
        assertThat(md.body()).contains("*Rules:* `rules`, hash `" + j.at("/rules/hash").asText() + "`");
    }

    @Test
    void rolesHeldFromQueryParametersSatisfyTheRequirement() throws Exception {
        JsonNode j = RunningServer.json(http.post("/api/v1/diagnose?role=System%20admin", "text/plain", text(BAD_REQUEST)));
        assertThat(j.at("/requirements/0/held").asBoolean()).isTrue();
    }

    @Test
    void diagnosesAJsonCaseAsACaseFile() throws Exception {
        String body = "{\"case\":\"json-case\",\"attempts\":2,\"errors\":[" + RunningServer.JSON.writeValueAsString(text(BAD_REQUEST)) + "]}";
        JsonNode j = RunningServer.json(http.post("/api/v1/diagnose", "application/json", body));
        assertThat(j.get("case").asText()).isEqualTo("json-case");
        assertThat(j.get("status").asText()).isEqualTo("diagnosed");
    }

    @Test
    void diagnosesAYamlCase() throws Exception {
        String yaml = "case: yaml-case\nerror: |\n" + text(BAD_REQUEST).lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
        HttpResponse<String> r = http.post("/api/v1/diagnose", "application/yaml", yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(RunningServer.json(r).get("case").asText()).isEqualTo("yaml-case");
    }

    @Test
    void aCsvExportOfSeveralCasesIsAnsweredAsJsonLines() throws Exception {
        Path csv = smallExport();
        HttpResponse<String> r = http.post("/api/v1/diagnose?name=" + csv.getFileName(), "text/csv", text(csv));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/x-ndjson")) {
            for (String line : r.body().split("\n")) {
                assertThat(RunningServer.JSON.readTree(line).has("status")).isTrue();
            }
        } else {
            assertThat(RunningServer.json(r).has("status")).isTrue();
        }
    }

    @Test
    void answersMarkdownAndExplainsOnRequest() throws Exception {
        HttpResponse<String> md = http.post("/api/v1/diagnose?format=markdown", "text/plain", text(BAD_REQUEST));
        assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(md.body()).contains("System admin").contains("1.");
        JsonNode explained = RunningServer.json(http.post("/api/v1/diagnose?explain=true", "text/plain", text(BAD_REQUEST)));
        assertThat(explained.at("/diagnoses/0/matched").isMissingNode()).isFalse();
        JsonNode plain = RunningServer.json(http.post("/api/v1/diagnose", "text/plain", text(BAD_REQUEST)));
        assertThat(plain.at("/diagnoses/0/matched").isMissingNode()).isTrue();
    }

    @Test
    void unknownErrorsAreReportedUnknownNotGuessed() throws Exception {
        JsonNode j = RunningServer.json(http.post("/api/v1/diagnose", "text/plain",
                "Message: The flux capacitor returned code 88 while syncing widgets"));
        assertThat(j.get("status").asText()).isEqualTo("unknown");
        assertThat(j.get("diagnoses")).isEmpty();
        assertThat(j.get("unexplained")).isNotEmpty();
    }

    @Test
    void badInputAndBadParametersAre400WithTheOneLineReason() throws Exception {
        assertError(http.post("/api/v1/diagnose?attempts=many", "text/plain", "x"), 400, "attempts");
        assertError(http.post("/api/v1/diagnose?phase=sometimes", "text/plain", "x"), 400, "phase");
        assertError(http.post("/api/v1/diagnose?format=pdf", "text/plain", "x"), 400, "format");
        assertError(http.post("/api/v1/diagnose?name=../../etc/passwd", "text/plain", "x"), 400, "not a plain file name");
        assertError(http.post("/api/v1/diagnose", "application/json", "{\"case\": \"x\", "), 400, "");
        assertError(http.post("/api/v1/diagnose", "text/plain", ""), 400, "no error text and no case context");
    }

    @Test
    void unknownContentTypeIs415() throws Exception {
        assertError(http.post("/api/v1/diagnose", "image/png", new byte[] {1, 2, 3}), 415, "image/png");
        assertError(http.post("/api/v1/batch", "text/plain", "x"), 415, "text/plain");
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() throws Exception {
        assertError(http.get("/api/v1/nothing"), 404, "no such");
        assertError(http.get("/api/v1/diagnose"), 405, "not allowed");
        assertError(http.get("/api/v1/issues/no-such-issue"), 404, "no known issue");
    }

    @Test
    void listsAndSearchesTheKnownIssues() throws Exception {
        JsonNode all = RunningServer.json(http.get("/api/v1/issues"));
        assertThat(all.get("count").asInt()).isGreaterThan(10).isEqualTo(all.get("issues").size());
        JsonNode found = RunningServer.json(http.get("/api/v1/issues?q=400%20Bad%20Request"));
        List<String> ids = new ArrayList<>();
        found.get("issues").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).contains("dixf-service-stopped").hasSizeLessThan(all.get("count").asInt());
    }

    @Test
    void showsOneIssueWithCatalogEntryStepsRulesExamplesAndItsLearnPage() throws Exception {
        JsonNode i = RunningServer.json(http.get("/api/v1/issues/dixf-service-stopped"));
        assertThat(i.get("kb").asText()).isEqualTo("IS02_400_BAD_REQUEST_AX_EXPORT");
        assertThat(i.get("learnUrl").asText()).isEqualTo(
                "https://learn.microsoft.com/en-us/dynamics365/fin-ops-core/dev-itpro/data-entities/dual-write/dual-write-troubleshooting-initial-sync");
        assertThat(i.at("/catalog/cause").asText()).isNotBlank();
        assertThat(i.at("/catalog/error_texts/0").asText()).contains("(400) Bad Request");
        assertThat(i.get("steps")).isNotEmpty();
        assertThat(i.at("/steps/0/at").asText()).startsWith("steps.drl.csv:");
        assertThat(i.at("/recognisedBy/0/at").asText()).contains(".drl");
        List<String> examples = new ArrayList<>();
        i.get("examples").forEach(e -> examples.add(e.get("name").asText()));
        assertThat(examples).contains("examples/initial-sync/bad-request-docs-example.txt");
    }

    @Test
    void healthNamesTheRulesInService() throws Exception {
        JsonNode h = RunningServer.json(http.get("/healthz"));
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.at("/rules/hash").asText()).hasSize(16);
        assertThat(h.at("/rules/rules").asInt()).isGreaterThan(0);
        assertThat(h.at("/rules/issues").asInt()).isGreaterThan(0);
        assertThat(h.at("/reload/errors")).isEmpty();
    }

    @Test
    void servesTheOpenApiDescriptionOfEveryEndpoint() throws Exception {
        JsonNode api = RunningServer.json(http.get("/api/v1/openapi.json"));
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.get("paths").has("/api/v1/diagnose")).isTrue();
        assertThat(api.get("paths").has("/api/v1/batch")).isTrue();
        assertThat(api.get("paths").has("/api/v1/issues/{id}")).isTrue();
        assertThat(api.get("paths").has("/healthz")).isTrue();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> r : List.of(http.get("/"), http.get("/assets/app.js"), http.get("/healthz"),
                http.get("/api/v1/nothing"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(WebServer.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        String page = http.get("/").body();
        // No inline script or style (the policy would refuse it), nothing fetched from elsewhere.
        assertThat(page).doesNotContain("<script>").doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");
        assertError(http.get("/assets/pom.xml"), 404, "no such asset");
    }

    @Test
    void batchStreamsOneRecordPerJsonLinesCaseInOrder() throws Exception {
        String line = "{\"case\":\"c%d\",\"error\":" + RunningServer.JSON.writeValueAsString(text(BAD_REQUEST)) + "}";
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            body.append(String.format(line, i)).append('\n');
        }
        body.append("not json\n");
        HttpResponse<String> r = http.post("/api/v1/batch", "application/x-ndjson", body.toString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        String[] lines = r.body().split("\n");
        assertThat(lines).hasSize(6);
        for (int i = 0; i < 5; i++) {
            JsonNode rec = RunningServer.JSON.readTree(lines[i]);
            assertThat(rec.get("case").asText()).isEqualTo("c" + (i + 1));
            assertThat(rec.get("status").asText()).isEqualTo("diagnosed");
        }
        assertThat(RunningServer.JSON.readTree(lines[5]).get("status").asText()).isEqualTo("invalid");
    }

    @Test
    void batchReadsCsvZipAndMultipartAndWritesTheHtmlReport() throws Exception {
        Path csv = smallExport();
        HttpResponse<String> fromCsv = http.post("/api/v1/batch", "text/csv", text(csv));
        assertThat(fromCsv.statusCode()).as(fromCsv.body()).isEqualTo(200);
        assertThat(fromCsv.body().split("\n")).isNotEmpty();

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("cases/one.txt"));
            zip.write(text(BAD_REQUEST).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("cases/one.expected.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("cases/two.json"));
            zip.write("{\"case\":\"two\",\"status\":\"Running\"}".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> fromZip = http.post("/api/v1/batch", "application/zip", zipped.toByteArray());
        String[] zipLines = fromZip.body().split("\n");
        assertThat(zipLines).hasSize(2);
        assertThat(RunningServer.JSON.readTree(zipLines[0]).get("source").asText()).isEqualTo("upload.zip!one.txt");
        assertThat(RunningServer.JSON.readTree(zipLines[1]).get("status").asText()).isEqualTo("healthy");

        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text(BAD_REQUEST) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"<b>x</b>.log\"\r\nContent-Type: text/plain\r\n\r\n"
                + "Message: something nobody documented\r\n--" + boundary + "--\r\n";
        HttpResponse<String> fromParts = http.post("/api/v1/batch", "multipart/form-data; boundary=" + boundary, multipart);
        String[] partLines = fromParts.body().split("\n");
        assertThat(partLines).as(fromParts.body()).hasSize(2);
        assertThat(RunningServer.JSON.readTree(partLines[0]).get("source").asText()).isEqualTo("a.txt");
        // An upload's name is made plain before it names anything.
        assertThat(RunningServer.JSON.readTree(partLines[1]).get("source").asText()).doesNotContain("<", ">", "/");

        HttpResponse<String> report = http.post("/api/v1/batch?report=html", "multipart/form-data; boundary=" + boundary, multipart);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.body()).contains("<h2>Cases</h2>").contains("dixf-service-stopped").doesNotContain("<b>x</b>")
                .contains("rules: rules (hash " + RunningServer.json(http.get("/healthz")).at("/rules/hash").asText() + ")");
    }

    @Test
    void bodiesOverTheLimitAre413EvenWithoutADeclaredLength() throws Exception {
        try (RunningServer small = RunningServer.start(ServeSettings.loopback(0, Path.of("rules"), null).withBounds(1000, 2, 4))) {
            assertError(small.post("/api/v1/diagnose", "text/plain", "x".repeat(2000)), 413, "--max-input-bytes");
            assertError(small.post("/api/v1/batch", "text/csv", "x".repeat(2000)), 413, "--max-input-bytes");
            // Chunked JSON Lines: the stream has begun, so the error is its last line.
            String answer = rawChunked(small.server.port(), "/api/v1/batch", "application/x-ndjson",
                    List.of("{\"case\":\"a\",\"status\":\"Running\"}\n", "{\"case\":\"b\",\"error\":\"" + "y".repeat(1500) + "\"}\n"), true);
            assertThat(answer).contains("\"status\":413").contains("--max-input-bytes");
        }
    }

    @Test
    void aFullWorkQueueIs503WithRetryAfter() throws Exception {
        try (RunningServer one = RunningServer.start(ServeSettings.loopback(0, Path.of("rules"), null).withBounds(1_000_000, 1, 0))) {
            // A batch whose body never ends holds the only slot.
            try (Socket held = new Socket("127.0.0.1", one.server.port())) {
                OutputStream out = held.getOutputStream();
                out.write(("POST /api/v1/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                chunk(out, "{\"case\":\"a\",\"status\":\"Running\"}\n");
                out.flush();
                // Wait (bounded) until the server says the batch holds the slot, so the check does not race it.
                for (int i = 0; i < 600 && RunningServer.json(one.get("/healthz")).path("inFlight").asInt() < 1; i++) {
                    Thread.sleep(50);
                }
                assertThat(RunningServer.json(one.get("/healthz")).path("inFlight").asInt())
                        .as("the held batch occupies the only slot").isEqualTo(1);
                HttpResponse<String> refused = one.post("/api/v1/diagnose", "text/plain", "Message: x");
                assertThat(refused.statusCode()).as("a request refused while the slot is held").isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(RunningServer.json(refused).get("error").asText()).contains("busy");
            }
        }
    }

    @Test
    void aTokenServerRefusesCallsWithoutTheToken() throws Exception {
        try (RunningServer guarded = RunningServer.start(ServeSettings.loopback(0, Path.of("rules"), null).withToken("s3cret-token"))) {
            assertError(guarded.get("/healthz"), 401, "token");
            assertError(guarded.post("/api/v1/diagnose", "text/plain", "x"), 401, "token");
            assertThat(guarded.get("/healthz").headers().firstValue("WWW-Authenticate")).isPresent();
            guarded.withToken("wrong");
            assertError(guarded.get("/api/v1/issues"), 401, "token");
            guarded.withToken("s3cret-token");
            assertThat(guarded.get("/healthz").statusCode()).isEqualTo(200);
            guarded.withToken(null);
            // The page itself holds no data: it loads, then asks for the token.
            assertThat(guarded.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void beyondLoopbackWithoutATokenDoesNotStartUnlessOptedOut() {
        ServeSettings open = new ServeSettings("0.0.0.0", 0, null, false, dev.syncdoctor.engine.EvaluationLimits.DEFAULT,
                1000, 1, 1, Duration.ofSeconds(5), Path.of("rules"), null, null, Duration.ZERO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebServer.start(open)).hasMessageContaining("token");
    }

    @Test
    void onLoopbackOnlyLocalHostNamesAreServed() throws Exception {
        String answer = raw(http.server.port(), "GET /healthz HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 403");
        assertThat(WebServer.localHost("localhost:8080")).isTrue();
        assertThat(WebServer.localHost("127.0.0.1")).isTrue();
        assertThat(WebServer.localHost("[::1]:80")).isTrue();
        assertThat(WebServer.localHost("127.0.0.1.evil.example")).isFalse();
    }

    static void assertError(HttpResponse<String> r, int status, String reason) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode j = RunningServer.json(r);
        assertThat(j.get("status").asInt()).isEqualTo(status);
        assertThat(j.get("error").asText()).contains(reason).doesNotContain("\n").doesNotContain("Exception");
    }

    /** A CSV export of three cases: a 400, a 403 and an error nobody documented. */
    static Path smallExport() {
        return Path.of("src/test/resources/serve/small-export.csv");
    }

    static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String rawChunked(int port, String path, String type, List<String> chunks, boolean close) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String c : chunks) {
                chunk(out, c);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void chunk(OutputStream out, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
