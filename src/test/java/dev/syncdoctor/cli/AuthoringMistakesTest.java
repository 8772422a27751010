package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.TestFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes an analyst makes in a copy of the rules, each run through {@code rules check}: one line
 * in the analyst's words (file, the row as the spreadsheet shows it and the column's header, or the
 * DRL line and rule), no cascade, exit 4.
 */
class AuthoringMistakesTest {
    @TempDir
    Path rules;

    @BeforeEach
    void copyShippedRules() throws IOException {
        TestFolders.copy(Path.of("rules"), rules);
    }

    /** Replaces the first match of {@code regex} in a rules file; returns its line (the spreadsheet row). */
    private int edit(String file, String regex, String replacement) throws IOException {
        Path p = rules.resolve(file);
        String text = Files.readString(p);
        var m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(regex + " in " + file).isTrue();
        int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
        Files.writeString(p, text.substring(0, m.start()) + m.replaceFirst(replacement).substring(m.start()));
        return line;
    }

    private static List<String> problems(CliRun r) {
        List<String> out = new ArrayList<>();
        for (String l : r.err().split("\\R")) {
            if (!l.isBlank() && !l.startsWith("syncdoctor:") && !l.startsWith("    compiler:")) {
                out.add(l);
            }
        }
        return out;
    }

    /** Exactly one problem line, equal to {@code expected}, and exit 4. */
    private CliRun checkSays(String expected) {
        CliRun r = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(problems(r)).as(r.err()).containsExactly(expected);
        assertThat(r.exitCode()).isEqualTo(4);
        return r;
    }

    private CliRun checkSaysOneLineMatching(String regex) {
        CliRun r = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(problems(r)).as(r.err()).hasSize(1).allMatch(l -> l.matches(regex));
        assertThat(r.exitCode()).isEqualTo(4);
        return r;
    }

    @Test
    void aStepPhaseTheModelDoesNotKnowIsNamedWithRowAndColumnAndStopsDiagnoseToo() throws IOException {
        int row = edit("steps.drl.csv", "^(dixf-service-stopped 1,.*),rerun,1,", "$1,re-run,1,");
        String line = "steps.drl.csv:" + row + ":Phase: 're-run' is not a step phase; allowed: prerequisite, investigate, fix, rerun, verify, if-unresolved";
        checkSays(line);
        CliRun d = CliRun.of("diagnose", "--rules", rules.toString(), "facts/examples/initial-sync/bad-request-docs-example.txt");
        assertThat(d.exitCode()).isEqualTo(4);
        assertThat(d.err()).contains(line).doesNotContain("IllegalArgumentException");
    }

    @Test
    void aConfidenceTheModelDoesNotKnow() throws IOException {
        int row = edit("recognition/errors.drl.csv", "^(400 Bad Request from the AX export,.*),high,", "$1,very high,");
        checkSays("recognition/errors.drl.csv:" + row + ":Confidence: 'very high' is not a confidence; allowed: high, medium, low");
    }

    @Test
    void aWordWhereAttemptsNeedsANumber() throws IOException {
        int row = edit("steps.drl.csv", "^(self-reference-lookup \\d+,self-reference-lookup),2,", "$1,two,");
        checkSays("steps.drl.csv:" + row + ":Attempts at least: 'two' is not a whole number; allowed: digits, e.g. 2");
    }

    @Test
    void aWordWhereTheOrderNeedsANumber() throws IOException {
        int row = edit("steps.drl.csv", "^(find-initial-sync-errors 1,.*,investigate),1,", "$1,first,");
        checkSays("steps.drl.csv:" + row + ":Order: 'first' is not a whole number; allowed: digits, e.g. 2");
    }

    @Test
    void aRecurringCellThatIsNotTrueOrFalse() throws IOException {
        int row = edit("steps.drl.csv", "^(dixf-service-stopped 2,dixf-service-stopped,,),true,", "$1,yes,");
        checkSays("steps.drl.csv:" + row + ":Recurring: 'yes' is not true or false; allowed: true, false");
    }

    @Test
    void anEmptyMentionsCellIsNamedNotTheVariableItLeavesUnbound() throws IOException {
        int row = edit("recognition/errors.drl.csv", "^(400 Bad Request from the AX export),AX export encountered an error,", "$1,,");
        checkSays("recognition/errors.drl.csv:" + row + ":Mentions (required): empty; every row needs it");
    }

    @Test
    void anEmptyPhaseCellWhileTheRowHasAText() throws IOException {
        int row = edit("steps.drl.csv", "^(find-initial-sync-errors 2,find-initial-sync-errors,,,),investigate,", "$1,,");
        checkSays("steps.drl.csv:" + row + ":Phase: empty, but Order, Because, Text of this row need it");
    }

    @Test
    void aKbIdMissingFromTheCatalog() throws IOException {
        int row = edit("issues.drl.csv", "^(issue dixf-service-stopped,dixf-service-stopped),IS02_400_BAD_REQUEST_AX_EXPORT,", "$1,IS02_BAD_REQUEST,");
        checkSays("issues.drl.csv:" + row + ":KB id: kb id 'IS02_BAD_REQUEST' is not in catalog.json; allowed: the id of a catalog entry (add the entry first)");
    }

    @Test
    void aRoleTheCatalogEntryDoesNotState() throws IOException {
        int row = edit("issues.drl.csv", "^(issue dixf-service-stopped,.*,initial_sync),System admin,", "$1,Sytem admin,");
        checkSaysOneLineMatching(Pattern.quote("issues.drl.csv:" + row + ":Required role: role 'Sytem admin' is not what catalog entry IS02_400_BAD_REQUEST_AX_EXPORT states (")
                + ".*\\); allowed: a role the entry names, or empty");
    }

    @Test
    void aPlaceholderThePlannerDoesNotFill() throws IOException {
        int row = edit("steps.drl.csv", "Select the table map \\{map\\}", "Select the table map {mapname}");
        checkSays("steps.drl.csv:" + row + ":Text: {mapname} is not a placeholder; allowed: {map} {field} {value} {url} {entity} {target} {record} {role} {values} {fields}");
    }

    @Test
    void anUnquotedCommaIsOneLineNotFortyTwoIssuesWithoutSteps() throws IOException {
        int row = edit("steps.drl.csv", "^(find-initial-sync-errors 3,.*),Copy the error text \\(message and stack trace\\) and run",
                "$1,Copy the error text, message and stack trace, and run");
        CliRun r = checkSaysOneLineMatching(Pattern.quote("steps.drl.csv:" + row + " the row has 11 cells where the table has 9 columns (Rule ... Text)")
                + ": a cell that holds a comma must be in double quotes.*");
        assertThat(r.err()).doesNotContain("has no steps").doesNotContain("column header");
    }

    @Test
    void aStepsTableSavedWithSemicolonsIsRead() throws IOException {
        Path steps = rules.resolve("steps.drl.csv");
        StringBuilder semicolons = new StringBuilder();
        for (String line : Files.readAllLines(steps, StandardCharsets.UTF_8)) {
            semicolons.append(asSemicolonRow(line)).append("\r\n");
        }
        Files.writeString(steps, semicolons);
        CliRun r = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("steps.drl.csv").contains("OK");
    }

    /** A CSV line as Excel writes it in a locale whose list separator is ';'. */
    private static String asSemicolonRow(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(i == 0 ? "" : ";").append(c.contains(";") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return b.toString();
    }

    @Test
    void curlyQuotesInDrlAreNamedAndTheTypesTheFileDeclaresAreNotReportedMissing() throws IOException {
        int line = edit("recognition/dual-write-context.drl", "mentions\\(\"([^\"]+)\"\\)", "mentions(\u201C$1\u201D)");
        CliRun r = checkSays("recognition/dual-write-context.drl:" + line
                + " curly quotes (\u201C \u201D) must be straight quotes (\"): retype the quotes of this line in a plain-text editor");
        assertThat(r.err()).doesNotContain("DualWriteMarker");
        CliRun verbose;
        try {
            verbose = CliRun.of("diagnose", "-v", "--rules", rules.toString(), "facts/examples/initial-sync/bad-request-docs-example.txt");
        } finally {
            Logging.setVerbose(false); // the flag is the process's: the next test starts quiet
        }
        assertThat(verbose.exitCode()).isEqualTo(4);
        assertThat(verbose.err()).contains("compiler: ").contains("no viable alternative");
    }

    /** Two mistakes in two files: each in the analyst's words, the curly quotes too, not the parser's. */
    @Test
    void curlyQuotesBesideAnotherMistakeAreStillNamed() throws IOException {
        int row = edit("steps.drl.csv", "^(dixf-service-stopped 1,.*),rerun,1,", "$1,re-run,1,");
        int line = edit("recognition/setup.drl", "mentions\\(\"([^\"]+)\"\\)", "mentions(\u201C$1\u201D)");
        CliRun r = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(problems(r)).as(r.err()).containsExactlyInAnyOrder(
                "steps.drl.csv:" + row + ":Phase: 're-run' is not a step phase; allowed: prerequisite, investigate, fix, rerun, verify, if-unresolved",
                "recognition/setup.drl:" + line + " curly quotes (\u201C \u201D) must be straight quotes (\"): retype the quotes of this line in a plain-text editor");
    }

    @Test
    void aSyntaxErrorInTheFileThatDeclaresATypeIsTheOnlyCause() throws IOException {
        edit("recognition/dual-write-context.drl", "^then$", "thn");
        CliRun r = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(problems(r)).as(r.err()).isNotEmpty().allMatch(l -> l.startsWith("recognition/dual-write-context.drl:"));
    }

    @Test
    void aDuplicateRuleNameIsReportedInTheNewFileWhereverItSorts() throws IOException {
        String steps = Files.readString(rules.resolve("steps.drl.csv"));
        String head = String.join("\n", steps.lines().limit(9).toList());
        String copied = steps.lines().filter(l -> l.startsWith("find-initial-sync-errors 3,")).findFirst().orElseThrow();
        Files.writeString(rules.resolve("z-more-steps.drl.csv"), head + "\n" + copied + "\n");
        checkSaysOneLineMatching("z-more-steps\\.drl\\.csv:10:Rule: the rule name 'find-initial-sync-errors 3' is already used at steps\\.drl\\.csv:\\d+ .*");
        Files.move(rules.resolve("z-more-steps.drl.csv"), rules.resolve("a-more-steps.drl.csv"));
        checkSaysOneLineMatching("a-more-steps\\.drl\\.csv:10:Rule: the rule name 'find-initial-sync-errors 3' is already used at steps\\.drl\\.csv:\\d+ .*");
    }

    @Test
    void anUnknownFactFieldNamesTheFieldsThatExist() throws IOException {
        Files.writeString(rules.resolve("recognition/custom.drl"), """
                package dev.syncdoctor.rules.custom
                import dev.syncdoctor.model.*;

                rule "throttled"
                when
                    $e : SyncError( httpStatuss == 429 )
                then
                    insert(new Finding("dixf-service-stopped", $e, "high", "429"));
                end
                """);
        checkSaysOneLineMatching("recognition/custom\\.drl:6: rule \"throttled\": SyncError has no field 'httpStatuss'; allowed: .*\\bhttpStatus\\b.*");
    }

    @Test
    void anUnknownFactFieldInATableColumnIsNamedOnceAtItsCode() throws IOException {
        int row = edit("steps.drl.csv", "attempts >= \\$param", "attemps >= \\$param");
        checkSaysOneLineMatching(Pattern.quote("steps.drl.csv:" + row + ":Attempts at least: SyncCase has no field 'attemps' (in the column's code); allowed: ")
                + ".*\\battempts\\b.*");
    }

    @Test
    void aWordWhereADrlStepNeedsItsOrder() throws IOException {
        Files.writeString(rules.resolve("core/custom-steps.drl"), """
                package dev.syncdoctor.rules.custom
                import dev.syncdoctor.model.*;

                rule "queue 1"
                when
                    $d : Diagnosis( issue == "dixf-service-stopped" )
                then
                    insert(new Action($d, "verify", first, "Check that {map} runs.", "Because."));
                end
                """);
        checkSaysOneLineMatching("core/custom-steps\\.drl:\\d+: rule \"queue 1\": 'first' is not a value here; allowed: a number .*");
    }

    @Test
    void aDrlStepPhaseAndPlaceholderTheModelDoesNotKnow() throws IOException {
        Files.writeString(rules.resolve("core/custom-steps.drl"), """
                package dev.syncdoctor.rules.custom
                import dev.syncdoctor.model.*;

                rule "queue 1"
                when
                    $d : Diagnosis( issue == "dixf-service-stopped" )
                then
                    insert(new Action($d, "re-run", 1, "Check that {mapp} runs.", "Because."));
                end
                """);
        CliRun r = CliRun.of("rules", "check", "--rules", rules.toString());
        assertThat(problems(r)).as(r.err()).containsExactly(
                "core/custom-steps.drl:4: rule \"queue 1\": 're-run' is not a step phase; allowed: prerequisite, investigate, fix, rerun, verify, if-unresolved",
                "core/custom-steps.drl:4: rule \"queue 1\": {mapp} is not a placeholder; allowed: {map} {field} {value} {url} {entity} {target} {record} {role} {values} {fields}");
        assertThat(r.exitCode()).isEqualTo(4);
    }
}
