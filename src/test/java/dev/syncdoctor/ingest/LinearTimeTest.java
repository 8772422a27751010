package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.plan.ErrorSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * No pattern or scan in the normaliser and extractors may take more than linear time: 1 MB adversarial
 * inputs (long runs of what each pattern repeats, unclosed brackets and quotes, endless prefixes of the
 * phrases the extractors look for) must finish within a generous multiple of a benign 1 MB text's time,
 * measured in the same run. The floor keeps a fast baseline from making the bound flaky; a quadratic
 * scan over 1 MB takes minutes, far past either.
 */
class LinearTimeTest {
    static final int SIZE = 1 << 20;
    private static final long FLOOR_MILLIS = 3_000;
    private static final int FACTOR = 50;

    private static long boundMillis;

    /** Repeats a unit up to SIZE characters. */
    static String fill(String unit) {
        StringBuilder sb = new StringBuilder(SIZE + unit.length());
        while (sb.length() < SIZE) {
            sb.append(unit);
        }
        sb.setLength(SIZE);
        return sb.toString();
    }

    /** A prefix, then a unit repeated up to SIZE characters. */
    static String fill(String prefix, String unit) {
        return prefix + fill(unit).substring(prefix.length());
    }

    /** Normalise, extract, and take each error's signature: all that reading a text costs. */
    static int process(String raw) {
        int n = 0;
        for (SyncError e : ErrorExtractor.extract(TextNormaliser.normalise(raw)).errors()) {
            n += ErrorSignature.of(e.getMessage()).length();
        }
        return n;
    }

    @BeforeAll
    static void measureBaseline() {
        String benign = fill("The initial sync of the Vendors V2 map ran overnight and finished after 42 minutes with"
                + " 1,234 rows copied from the legal entity USMF to the environment.\nNothing else happened today; the"
                + " team checked the map status, which showed Running.\n\n");
        process(benign); // warm up the JIT
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            process(benign);
            best = Math.min(best, System.nanoTime() - t0);
        }
        boundMillis = Math.max(FLOOR_MILLIS, FACTOR * best / 1_000_000);
    }

    static Map<String, String> adversarial() {
        Map<String, String> in = new LinkedHashMap<>();
        // Runs of single characters the patterns and scanners repeat.
        for (String c : new String[] {"(", ")", "[", "]", "{", "'", "\"", "`", "*", "_", "\\", "-", ".", ":", ",",
                " ", "\n", "\r\n", "\r", "\t", "a", "A", "1", "0", "=", "/", "<", "\u00A0", "\u200B", "\uFEFF"}) {
            in.put("run of " + c.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"), fill(c));
        }
        // Markdown: escapes, emphasis and code spans that never close, nested wrappers.
        in.put("escaped brackets", fill("\\["));
        in.put("backslash runs before letters", fill("\\\\\\\\x"));
        in.put("emphasis openers per line", fill("*a\n"));
        in.put("emphasis closers per line", fill("a*\n"));
        in.put("underscore openers per line", fill("__a b\n"));
        in.put("code span openers", fill("`a "));
        in.put("code runs of growing length", growingRuns('`'));
        in.put("emphasis runs of growing length", growingRuns('*'));
        in.put("nested emphasis and code", fill("*`", "*`a") + "`*");
        in.put("fence lines", fill("```\n"));
        in.put("leading backslash rule", fill("\\\\\\---\n"));
        in.put("wrapped lines ending in function words", fill("error was\n"));
        in.put("wrapped lines ending in labels", fill("ErrorMessage:\n"));
        in.put("lower-case continuation lines", fill("fail x\n"));
        // HTTP status patterns with their closing parts missing.
        in.put("unclosed status code parens", fill("(400"));
        in.put("status code without reason", fill("(400) "));
        in.put("status reason that never ends", fill("(400) ", "Bad Request "));
        in.put("code then unclosed paren", fill("400 (Bad Request "));
        in.put("code then paren runs", fill("400 ("));
        in.put("unclosed bracket reasons", fill("[Forbidden "));
        in.put("bracket reason words", fill("[Ab Cd Ef Gh Ij "));
        in.put("status code words", fill("status code: "));
        in.put("json status keys", fill("\"status\\\": "));
        in.put("codes without digits", fill("DWFOEV DIPV"));
        in.put("hex without digits", fill("0x"));
        // The record form's phrases, endlessly or without their other half.
        in.put("endless couldn't resolve prefixes", fill("Couldn't resolve the guid for the field:"));
        in.put("endless couldn't resolve on lines", fill("Couldn't resolve the guid for the field: a.b\n"));
        in.put("could not resolve prefixes", fill("could not resolve the guid "));
        in.put("following error without On the", fill(", the following error"));
        in.put("On the without following error", fill("On the "));
        in.put("On the far from following error", fill("On the ", "x ") + ", the following error: x");
        in.put("record ids without end", fill("Record Id: "));
        in.put("lookup phrases with unclosed quotes", fill("The lookup value was not found: '"));
        in.put("lookup phrases", fill("The lookup was not found: "));
        in.put("try this url", fill("try this url "));
        in.put("encountered an error", fill(" encountered an error"));
        in.put("map prefixes", fill("Vendors V2 (msdyn_vendors): "));
        // URLs, OData filters, stack frames.
        in.put("urls without spaces", fill("https://"));
        in.put("urls with filters and unclosed quotes", fill("https://o.crm.dynamics.com/api/data/v9.0/x?$filter=a eq '"));
        in.put("filter operator chains", fill("https://x/?filter=a", " eq 1 and b"));
        in.put("api data versions", fill("/api/data/v9", ".0"));
        in.put("frames without closing parens", fill("x error at a.b("));
        in.put("frames on attachment lines", fill("x error\n", "at a.b(\n"));
        in.put("stacktrace labels", fill("Stacktrace:"));
        in.put("stacktrace labels far from colons", fill("stack trace ") + ":");
        // The initial-sync wrapper.
        in.put("wrapper with endless messages", fill("Initial Sync completed with status: Error\n", "Message: x "));
        in.put("wrapper with endless legs", fill("Initial Sync completed with status: Error\n",
                "Executed leg: From AX a to CRM b "));
        in.put("wrapper with counts without digits", fill("Initial Sync completed with status: Error\nExecuted leg: From AX a",
                " exported records count: ImportRecordsErrorCount: "));
        in.put("wrapper starts", fill("Dual write Initial Sync completed with status: "));
        in.put("executed leg lines", fill("Executed leg: From AX x\n"));
        // Signature masking.
        in.put("numbers with separators", fill("1.2,3:4-"));
        in.put("entity-like names", fill("a_"));
        in.put("windows paths", fill("C:\\"));
        in.put("guids without ends", fill("00000000-0000-0000-0000-"));
        in.put("quoted values unclosed", fill("'abc "));
        // One huge line of plausible text.
        in.put("huge single line", fill("The remote server returned an error ").replace('\n', ' '));
        return in;
    }

    private static String growingRuns(char c) {
        StringBuilder sb = new StringBuilder(SIZE);
        int len = 1;
        while (sb.length() < SIZE) {
            for (int i = 0; i < len; i++) {
                sb.append(c);
            }
            sb.append('a');
            len = len % 64 + 1;
        }
        sb.setLength(SIZE);
        return sb.toString();
    }

    @TestFactory
    Stream<DynamicTest> eachAdversarialInputFinishesInLinearTime() {
        return adversarial().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            assertThat(e.getValue().length()).isGreaterThanOrEqualTo(SIZE);
            // The result is returned out of the timed call so the work cannot be optimised away; the time is the test.
            assertTimeoutPreemptively(Duration.ofMillis(boundMillis), () -> process(e.getValue()),
                    () -> e.getKey() + ": slower than " + boundMillis + " ms (" + FACTOR + "x a benign 1 MB text)");
        }));
    }
}
