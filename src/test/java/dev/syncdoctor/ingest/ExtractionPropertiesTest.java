package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the normaliser and extractors over generated texts: no exception for any text, the
 * normal form is a fixed point, a known error embedded anywhere in surrounding prose is still found with
 * its key fields, and CRLF and markdown forms (escapes, emphasis, hard wraps) give the same facts as the
 * plain form.
 */
class ExtractionPropertiesTest {

    /** A known error in its plain form and the fields it must yield. */
    record Known(String name, String text, int httpStatus, String component, String lookupField, String lookupValue) {
        boolean matches(SyncError e) {
            return e.getHttpStatus() == httpStatus
                    && java.util.Objects.equals(e.getComponent(), component)
                    && java.util.Objects.equals(e.getLookupField(), lookupField)
                    && java.util.Objects.equals(e.getLookupValue(), lookupValue);
        }
    }

    static final List<Known> KNOWN = List.of(
            new Known("400 AX export", "The remote server returned an error: (400) Bad Request.), AX export encountered an error",
                    400, "AX export encountered an error", null, null),
            new Known("403 AX export", "([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error",
                    403, "AX export encountered an error", null, null),
            new Known("lookup record", "On the Vendors V2, the following error: Record Id: new record, ErrorMessage: Couldn't resolve"
                    + " the guid for the field: msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber. The lookup value was not"
                    + " found: CN-001. Try this URL(s) to check if the reference data exists:"
                    + " https://sampleorg.crm.dynamics.com/api/data/v9.0/msdyn_vendors?$select=msdyn_vendoraccountnumber,msdyn_vendorid"
                    + "&$filter=msdyn_vendoraccountnumber eq 'CN-001'",
                    0, null, "msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber", "CN-001"),
            new Known("lookup short", "Couldn't resolve the guid for the field: msdyn_billingaccount.accountnumber. The lookup was not found: 1206-1.",
                    0, null, "msdyn_billingaccount.accountnumber", "1206-1"));

    /** Words users write around an error: no error words, no brackets, digits or markup. */
    static final String[] PROSE = {"we", "ran", "the", "initial", "sync", "again", "today", "and", "saw", "this", "map",
        "Vendors", "customers", "Monday", "team", "checked", "it", "on", "in", "our", "environment", "please", "help",
        "thanks", "Hello", "all", "here", "is", "what", "came", "back", "after", "an", "hour", "so"};

    /** Pieces of text the normaliser and extractors react to, for texts that hit their edge cases. */
    static final String[] TOKENS = {"\\", "\\\\", "\\[", "\\]", "\\_", "\\*", "[", "]", "(", ")", "{", "}", "*", "**", "_", "__",
        "`", "``", "```", "~~~", "'", "\"", ":", ",", ".", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00A0", "\u200B",
        "\uFEFF", "\u2019", "\u201C", "---", "\\---", "(400)", "(403) Forbidden", "404 (Not Found)", "[Forbidden]",
        "status code BadRequest", "\"status\":500", "Bad Request", "error", "Error:", "ErrorMessage:", "Message:",
        "Stacktrace:", "at a.b.C(d)", "at ", "Couldn't resolve the guid for the field:", "msdyn_x.msdyn_y",
        "The lookup value was not found:", "Record Id:", "On the ", ", the following error", "Try this URL(s)",
        "https://o.crm.dynamics.com/api/data/v9.0/msdyn_vendors?$filter=a eq 'b'", " eq ", "'CN-001'",
        "Dual write Initial Sync completed with status: Error", "Executed leg: From AX a to CRM b",
        "exported records count: 3", "ImportRecordsErrorCount: 1", "DWFOEV1006", "DIPV1022", "0x80072560",
        "AX export encountered an error", "Vendors V2 (msdyn_vendors): ", "was", "the", "with", "I", "we", "?", "a", "Z"};

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(120).map(l -> String.join("", l));
        Arbitrary<String> unicode = Arbitraries.strings().ofMaxLength(400);
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\r', '\t').ofMaxLength(400);
        return Arbitraries.frequencyOf(Tuple.of(5, tokens), Tuple.of(2, unicode), Tuple.of(2, ascii));
    }

    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> line = Arbitraries.of(PROSE).list().ofMinSize(1).ofMaxSize(12).map(l -> String.join(" ", l));
        return line.list().ofMaxSize(4).map(l -> String.join(".\n", l));
    }

    @Provide
    Arbitrary<Known> known() {
        return Arbitraries.of(KNOWN);
    }

    @Property(tries = 300)
    void anyTextIsReadWithoutException(@ForAll("texts") String text) {
        String n = TextNormaliser.normalise(text);
        ExtractedText x = ErrorExtractor.extract(n);
        assertThat(x.errors()).allSatisfy(e -> assertThat(e.getMessage()).isNotNull());
        assertThat(n).doesNotContain("\r");
    }

    @Property(tries = 300)
    void anyUnicodeTextIsReadWithoutException(@ForAll @StringLength(max = 300) String text) {
        ErrorExtractor.extract(TextNormaliser.normalise(text));
    }

    @Property(tries = 300)
    void normalisingTwiceIsNormalisingOnce(@ForAll("texts") String text) {
        String once = TextNormaliser.normalise(text);
        assertThat(TextNormaliser.normalise(once)).isEqualTo(once);
    }

    @Property(tries = 200)
    void aKnownErrorInItsOwnParagraphIsFoundAmidProse(@ForAll("known") Known k, @ForAll("prose") String before,
            @ForAll("prose") String after) {
        String text = before + "\n\n" + k.text() + "\n\n" + after;
        assertThat(errors(text)).as("%s in %s", k.name(), text).anyMatch(k::matches);
    }

    @Property(tries = 200)
    void aKnownErrorWithinALineIsFoundAmidProse(@ForAll("known") Known k, @ForAll("prose") String before,
            @ForAll("prose") String after) {
        String text = before + (before.isEmpty() ? "" : ": ") + k.text() + (after.isEmpty() ? "" : " " + after);
        assertThat(errors(text)).as("%s in %s", k.name(), text).anyMatch(k::matches);
    }

    @Property(tries = 200)
    void crlfGivesTheSameFactsAsLf(@ForAll("known") Known k, @ForAll("prose") String before, @ForAll("prose") String after) {
        String text = before + "\n\n" + k.text() + "\n\n" + after;
        assertThat(facts(TestTexts.crlf(text))).isEqualTo(facts(text));
    }

    @Property(tries = 200)
    void markdownFormsGiveTheSameFactsAsThePlainForm(@ForAll("known") Known k, @ForAll Random random) {
        List<String> plain = facts(k.text());
        assertThat(plain).isNotEmpty();
        // Escaped as on the docs page, wrapped inside an emphasis span at any spaces, CRLF or not.
        String emphasised = "*" + wrap(escape(k.text()), random, 0.3, true) + "*";
        assertThat(facts(emphasised)).as(emphasised).isEqualTo(plain);
        assertThat(facts(TestTexts.crlf(emphasised))).as(emphasised).isEqualTo(plain);
        // Escaped and hard-wrapped where a sentence goes on (before a lower-case word), no emphasis.
        String wrapped = wrap(escape(k.text()), random, 0.5, false);
        assertThat(facts(wrapped)).as(wrapped).isEqualTo(plain);
    }

    @Property(tries = 100)
    void theNormalFormOfAKnownErrorIsItsPlainForm(@ForAll("known") Known k, @ForAll Random random) {
        String emphasised = "*" + wrap(escape(k.text()), random, 0.3, true) + "*";
        assertThat(TextNormaliser.normalise(emphasised)).isEqualTo(TextNormaliser.normalise(k.text()));
    }

    @Property(tries = 300)
    void aKnownErrorWrappedByAMailClientGivesTheSameFactsAsUnwrapped(@ForAll("known") Known k,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 56, max = 78) int width,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int quoteLevels) {
        String quote = "> ".repeat(quoteLevels);
        // A mail: the client wraps every paragraph at one width, so the prose shows the margin.
        String mail = "Hello all, we ran the initial sync of the map again this morning and it stopped after a few minutes"
                + " with the text below, the same as on Monday:\n\n" + k.text()
                + "\n\nThe team checked the environment and the map settings and found nothing changed since last week.";
        String wrapped = mailWrap(mail, width, quote);
        assertThat(facts(wrapped)).as(wrapped).isEqualTo(facts(mail));
    }

    @Property(tries = 200, maxDiscardRatio = 50)
    void aKnownErrorCutAtAFixedColumnGivesTheSameFactsAsUncut(@ForAll("known") Known k,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 50, max = 120) int width) {
        StringBuilder cut = new StringBuilder();
        String text = k.text();
        for (int i = 0; i < text.length(); i += width) {
            cut.append(text, i, Math.min(text.length(), i + width)).append('\n');
        }
        // Only a paragraph of three lines or more shows its column; shorter cuts are not claimed.
        org.junit.jupiter.api.Assumptions.assumeTrue(text.length() > 2 * width);
        // A cut next to a space loses the space to trimming: not a cut this layout can prove.
        for (int i = width; i < text.length(); i += width) {
            org.junit.jupiter.api.Assumptions.assumeTrue(text.charAt(i) != ' ' && text.charAt(i - 1) != ' ');
        }
        assertThat(facts(cut.toString())).as(cut.toString()).isEqualTo(facts(text));
    }

    // ---- helpers

    /** Greedy word wrap as mail clients do it, each paragraph on its own, every line with the quote prefix. */
    static String mailWrap(String text, int width, String quote) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.replace('\n', ' ').split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > 0 && quote.length() + line.length() + 1 + word.length() > width) {
                    out.append(quote).append(line).append('\n');
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            if (line.length() > 0) {
                out.append(quote).append(line).append('\n');
            }
            out.append(quote.trim()).append('\n');
        }
        return out.toString();
    }

    static List<SyncError> errors(String raw) {
        return ErrorExtractor.extract(TextNormaliser.normalise(raw)).errors();
    }

    /** The facts rules see, one line per error. */
    static List<String> facts(String raw) {
        List<String> out = new ArrayList<>();
        for (SyncError e : errors(raw)) {
            out.add(e.getHttpStatus() + "|" + e.getHttpReason() + "|" + e.getComponent() + "|" + e.getMapName() + "|"
                    + e.getRecordId() + "|" + e.getLookupField() + "|" + e.getLookupValue() + "|" + e.getCheckUrls() + "|"
                    + e.getEntitySet() + "|" + e.getCodes() + "|" + e.getStackTop());
        }
        return out;
    }

    /** Markdown escapes as the docs page writes them. */
    static String escape(String s) {
        return s.replace("[", "\\[").replace("]", "\\]").replace("_", "\\_");
    }

    /** Replaces spaces by line breaks: any space, or only those before a lower-case word after no sentence end. */
    static String wrap(String s, Random random, double p, boolean anySpace) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = 1; i + 1 < sb.length(); i++) {
            if (sb.charAt(i) != ' ' || random.nextDouble() >= p) {
                continue;
            }
            char prev = sb.charAt(i - 1);
            boolean sentenceGoesOn = Character.isLowerCase(sb.charAt(i + 1)) && ".!?".indexOf(prev) < 0;
            if (anySpace || sentenceGoesOn) {
                sb.setCharAt(i, '\n');
            }
        }
        return sb.toString();
    }
}
