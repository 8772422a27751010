package dev.syncdoctor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rows first: a shipped DRL recognition rule that only tests fragments of one error (all of them, none
 * of some) and inserts a finding says nothing a row of rules/recognition/errors.drl.csv cannot.
 */
class RowsFirstTest {
    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"([^\"]+)\"\\s*\\n(.*?)^when\\s*\\n(.*?)^then\\s*\\n(.*?)^end\\b");
    private static final Pattern ONE_ERROR_FRAGMENTS = Pattern.compile(
            "\\s*\\$e : SyncError\\(\\s*!?mentions\\(\"[^\"]*\"\\)(\\s*,\\s*!?mentions\\(\"[^\"]*\"\\))*\\s*\\)\\s*");
    private static final Pattern PLAIN_FINDING = Pattern.compile("\\s*insert\\(new Finding\\(\"[^\"]+\", \\$e, \"\\w+\"(, \"[^\"]*\")+\\)\\);\\s*");

    /** The rules of a DRL text that a recognition row would state as well. */
    static List<String> rowsInDisguise(String drl) {
        List<String> found = new ArrayList<>();
        Matcher m = RULE.matcher(drl.replaceAll("(?m)^\\s*//.*\\n", ""));
        while (m.find()) {
            boolean plainHeader = m.group(2).isBlank();
            if (plainHeader && ONE_ERROR_FRAGMENTS.matcher(m.group(3)).matches() && PLAIN_FINDING.matcher(m.group(4)).matches()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    @Test
    void noShippedRecognitionRuleIsARowWrittenInDrl() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("rules/recognition"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                rowsInDisguise(Files.readString(f)).forEach(name -> found.add(f.getFileName() + ": " + name));
            }
        }
        assertThat(found).as("rules that belong in errors.drl.csv").isEmpty();
    }

    @Test
    void aRuleOnOneErrorsFragmentsIsFoundAndOneWithAlternativesOrAnotherFactIsNot() {
        String drl = """
                rule "two fragments"
                when
                    $e : SyncError( mentions("has version mismatch"), !mentions("Required version") )
                then
                    insert(new Finding("solution-version-mismatch", $e, "high", "has version mismatch"));
                end

                rule "alternatives"
                when
                    $e : SyncError( mentions("a") || mentions("b") )
                then
                    insert(new Finding("x", $e, "high", "a"));
                end

                rule "with the case"
                when
                    $e : SyncError( mentions("a") )
                    not OtherProductMarker()
                then
                    insert(new Finding("x", $e, "high", "a"));
                end
                """;
        assertThat(rowsInDisguise(drl)).containsExactly("two fragments");
    }
}
