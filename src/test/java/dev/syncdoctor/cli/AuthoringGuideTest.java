package dev.syncdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncdoctor.TestFolders;
import dev.syncdoctor.knowledge.AllowedValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authoring guide is run, not only read: every snippet that names a target ({@code ```csv rules/steps.drl.csv})
 * is put into a copy of the rules and facts, which must check clean and pass its example; the cheat
 * sheet must list what the model allows; the worked mistake must read as the guide shows it.
 */
class AuthoringGuideTest {
    private static final Path GUIDE = Path.of("docs/authoring.md");
    private static final Pattern FENCE = Pattern.compile("(?m)^( *)```(\\w+)(?: ([^\\n]+))?\\n(.*?)^\\1```$", Pattern.DOTALL);

    record Snippet(String language, String target, String text) {
    }

    private static List<Snippet> snippets() throws IOException {
        List<Snippet> out = new ArrayList<>();
        Matcher m = FENCE.matcher(Files.readString(GUIDE));
        while (m.find()) {
            String indent = m.group(1);
            StringBuilder text = new StringBuilder();
            for (String line : m.group(4).split("\n", -1)) {
                text.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
            }
            out.add(new Snippet(m.group(2), m.group(3) == null ? "" : m.group(3).trim(), text.toString().strip() + "\n"));
        }
        return out;
    }

    private static List<Snippet> snippets(String language, String targetPrefix) throws IOException {
        return snippets().stream().filter(s -> s.language().equals(language) && s.target().startsWith(targetPrefix)).toList();
    }

    /** Puts a snippet where it names: table rows appended, a catalog entry added, other files written. */
    private static void place(Snippet s, Path root) throws IOException {
        Path target = root.resolve(s.target());
        Files.createDirectories(target.getParent());
        if (s.target().endsWith("catalog.json")) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode catalog = (ObjectNode) json.readTree(target.toFile());
            ((ArrayNode) catalog.get("issues")).add(json.readTree(s.text()));
            json.writeValue(target.toFile(), catalog);
        } else if (s.language().equals("csv")) {
            Files.writeString(target, Files.readString(target) + s.text());
        } else {
            Files.writeString(target, s.text());
        }
    }

    private static Path folderWith(Path root, List<Snippet> placed) throws IOException {
        TestFolders.copy(Path.of("rules"), root.resolve("rules"));
        Files.createDirectories(root.resolve("facts/examples"));
        for (Snippet s : placed) {
            place(s, root);
        }
        return root;
    }

    private static void checksCleanAndPassesItsExample(Path root) {
        CliRun check = CliRun.of("rules", "check", "--rules", root.resolve("rules").toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        CliRun test = CliRun.of("rules", "test", "--rules", root.resolve("rules").toString(), "--facts", root.resolve("facts").toString());
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("PASS").contains("1 passed, 0 failed");
    }

    private static List<Snippet> shared() throws IOException {
        List<Snippet> out = new ArrayList<>(snippets("json", "rules/"));
        out.addAll(snippets("text", "facts/"));
        out.addAll(snippets("json", "facts/"));
        return out;
    }

    @Test
    void theTableRowsOfTheGuideCheckCleanAndDiagnoseItsExample(@TempDir Path root) throws IOException {
        List<Snippet> placed = shared();
        placed.addAll(snippets("csv", "rules/"));
        assertThat(placed).hasSize(6);
        checksCleanAndPassesItsExample(folderWith(root, placed));
    }

    @Test
    void theDrlOfTheGuideChecksCleanAndDiagnosesItsExample(@TempDir Path root) throws IOException {
        List<Snippet> placed = shared();
        placed.addAll(snippets("drl", "rules/"));
        assertThat(placed).hasSize(5);
        checksCleanAndPassesItsExample(folderWith(root, placed));
    }

    @Test
    void theWorkedMistakeReadsAsTheGuideShowsIt(@TempDir Path root) throws IOException {
        List<Snippet> placed = shared();
        placed.addAll(snippets("csv", "rules/").stream().filter(s -> !s.target().endsWith("steps.drl.csv")).toList());
        Snippet mistake = snippets("csv", "mistake ").get(0);
        placed.add(new Snippet("csv", mistake.target().substring("mistake ".length()), mistake.text()));
        folderWith(root, placed);
        int row = (int) Files.readString(root.resolve("rules/steps.drl.csv")).lines().count();
        String shown = snippets("text", "error").get(0).text().strip();

        CliRun r = CliRun.of("rules", "check", "--rules", root.resolve("rules").toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err().lines().filter(l -> !l.startsWith("syncdoctor:")).toList())
                .containsExactly(shown.replaceFirst(":\\d+:", ":" + row + ":"));
    }

    @Test
    void whereThePiecesGoReadsAsRulesCheckPrintsIt() throws IOException {
        String shown = snippets("text", "rules check").get(0).text().strip();
        CliRun r = CliRun.of("rules", "check", "--rules", "rules");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsSequence(shown.lines().toList());
    }

    @Test
    void theCheatSheetListsWhatTheModelAllows() throws IOException {
        String guide = Files.readString(GUIDE);
        assertThat(listed(guide, "Step phase")).isEqualTo(AllowedValues.stepPhases());
        assertThat(listed(guide, "Case phase")).isEqualTo(AllowedValues.casePhases());
        assertThat(listed(guide, "Direction")).isEqualTo(AllowedValues.directions());
        assertThat(listed(guide, "Confidence")).isEqualTo(AllowedValues.confidences());
        assertThat(listed(guide, "Requirement kind")).isEqualTo(AllowedValues.requirementKinds());
        assertThat(listed(guide, "Placeholders")).isEqualTo(AllowedValues.placeholders());
    }

    /** The backticked values after "): " on the cheat-sheet line {@code - **name** (...): `a`, `b`}. */
    private static List<String> listed(String guide, String name) {
        Matcher line = Pattern.compile("(?m)^- \\*\\*" + Pattern.quote(name) + "\\*\\* \\(.*\\): (.*)$").matcher(guide);
        assertThat(line.find()).as("cheat-sheet line for " + name).isTrue();
        List<String> out = new ArrayList<>();
        Matcher v = Pattern.compile("`([^`]+)`").matcher(line.group(1));
        while (v.find()) {
            out.add(v.group(1));
        }
        return out;
    }
}
