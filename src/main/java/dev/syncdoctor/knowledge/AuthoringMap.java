package dev.syncdoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a new issue's pieces go in a rules folder, read from what its files hold: the table whose rows
 * define issues, the one whose rows give steps, the recognition tables (error texts; codes), and the
 * folder of the DRL recognition rules for what a row cannot state. Rows first: a DRL rule only for
 * recognition that needs several facts.
 */
public final class AuthoringMap {
    private static final int PIECE_WIDTH = 46;

    private AuthoringMap() {
    }

    /** One line per piece whose file the folder has, "piece -> where"; empty when the folder has none of them. */
    public static List<String> lines(KnowledgeCheck.Report report) {
        Map<String, List<RuleEntry>> byFile = new LinkedHashMap<>();
        for (RuleEntry e : report.entries()) {
            byFile.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e);
        }
        List<String> tables = report.files().stream().filter(AuthoringMap::isTable).toList();
        Optional<String> codes = first(tables, f -> recognises(byFile, f) && baseName(f).contains("code"));
        Optional<String> errors = first(tables, f -> recognises(byFile, f) && !baseName(f).contains("code"));
        Optional<String> issues = first(tables, f -> byFile.getOrDefault(f, List.of()).stream().anyMatch(e -> e.defines() != null));
        Optional<String> steps = first(tables, f -> byFile.getOrDefault(f, List.of()).stream().anyMatch(e -> !e.stepsFor().isEmpty()));
        Optional<String> drlFolder = report.files().stream()
                .filter(f -> f.endsWith(".drl") && recognises(byFile, f))
                .map(f -> f.contains("/") ? f.substring(0, f.lastIndexOf('/') + 1) : "the rules folder")
                .findFirst();

        List<String> lines = new ArrayList<>();
        errors.ifPresent(f -> lines.add(line("recognition of one error (text, status, codes)", "a row of " + f)));
        codes.ifPresent(f -> lines.add(line("a dual-write or validation code", "a row of " + f)));
        issues.ifPresent(f -> lines.add(line("the issue (kb id, title, role)", "a row of " + f)));
        steps.ifPresent(f -> lines.add(line("its steps", "rows of " + f)));
        drlFolder.ifPresent(f -> lines.add(line("what needs several facts (joins, case context)", "a DRL file in " + f)));
        return lines;
    }

    private static String line(String piece, String where) {
        return String.format("  %-" + PIECE_WIDTH + "s -> %s", piece, where);
    }

    private static boolean isTable(String file) {
        return file.endsWith(".drl.csv") || file.endsWith(".drl.xls") || file.endsWith(".drl.xlsx");
    }

    private static boolean recognises(Map<String, List<RuleEntry>> byFile, String file) {
        return byFile.getOrDefault(file, List.of()).stream().anyMatch(e -> !e.recognises().isEmpty());
    }

    private static Optional<String> first(List<String> files, Predicate<String> test) {
        return files.stream().filter(test).findFirst();
    }

    private static String baseName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
