package dev.syncdoctor.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Rule folders for tests: a copy of the shipped rules, and a decision table as a spreadsheet program saves it. */
final class RuleFolders {
    private RuleFolders() {
    }

    /** Copies {@code rules/} into {@code to}. */
    static void copyShippedRules(Path to) throws IOException {
        dev.syncdoctor.TestFolders.copy(Path.of("rules"), to);
    }

    /** A one-row steps table in xlsx; the data row is row 10, its order cell is {@code order}. */
    static void writeStepsWorkbook(Path file, String order) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("Steps");
            set(s, 0, "RuleSet", "dev.syncdoctor.rules.extra");
            set(s, 1, "Import", "dev.syncdoctor.model.Action, dev.syncdoctor.model.Diagnosis");
            set(s, 4, "RuleTable Extra steps");
            set(s, 5, "NAME", "CONDITION", "ACTION", "ACTION", "ACTION");
            set(s, 6, "", "$d : Diagnosis");
            set(s, 7, "", "issue == \"$param\"", "Action.Draft step = Action.draft($d, \"$param\");", "step.order($param);",
                    "insert(step.text(\"$param\"));");
            set(s, 8, "Rule", "Issue", "Phase", "Order", "Text");
            set(s, 9, "extra verify", "dixf-service-stopped", "verify", order, "Check that the map shows Running.");
            wb.write(out);
        }
    }

    private static void set(Sheet s, int row, String... cells) {
        Row r = s.createRow(row);
        for (int i = 0; i < cells.length; i++) {
            r.createCell(i).setCellValue(cells[i]);
        }
    }
}
