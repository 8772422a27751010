package dev.syncdoctor.knowledge;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The DRL behind one rule file: the file itself, or what Drools generates from a decision table,
 * with the way back from a generated line to the spreadsheet row it came from.
 */
final class RuleSource {
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]{1,3})(\\d{1,7})");

    final String file;
    final String drl;
    final boolean table;
    private final int[] rowOfLine;

    private RuleSource(String file, String drl, boolean table) {
        this.file = file;
        this.drl = drl;
        this.table = table;
        this.rowOfLine = table ? rowsOf(drl) : null;
    }

    /** Reads a rule file; a decision table is compiled to DRL (which throws on a malformed table). */
    static RuleSource of(String file, byte[] content) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl")) {
            return new RuleSource(file, new String(content, StandardCharsets.UTF_8), false);
        }
        InputType type = lower.endsWith(".csv") ? InputType.CSV : InputType.XLS;
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
        return new RuleSource(file, drl, true);
    }

    /** What to do with a rule file whose decision table cannot be read as DRL. */
    interface Unreadable {
        void accept(String file, RuntimeException problem);
    }

    /**
     * The DRL of every rule file of a folder, in the folder's order; a file whose table cannot be
     * compiled to DRL is handed to {@code unreadable} instead.
     */
    static java.util.List<RuleSource> allOf(RuleFiles files, Unreadable unreadable) {
        java.util.List<RuleSource> out = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, byte[]> f : files.files().entrySet()) {
            if (!RuleFiles.isRuleFile(f.getKey())) {
                continue;
            }
            try {
                out.add(of(f.getKey(), f.getValue()));
            } catch (RuntimeException e) {
                unreadable.accept(f.getKey(), e);
            }
        }
        return out;
    }

    /**
     * Where a line of the DRL is for a person: the same line in a DRL file, the spreadsheet row of the
     * rule that holds it in a decision table (0 when the line precedes every rule).
     */
    int lineForPeople(int drlLine) {
        if (!table) {
            return drlLine;
        }
        if (drlLine < 1 || drlLine >= rowOfLine.length) {
            return 0;
        }
        return rowOfLine[drlLine];
    }

    /** For each generated line, the spreadsheet row named by the nearest "// rule values at A16" above it. */
    private static int[] rowsOf(String drl) {
        String[] lines = drl.split("\n", -1);
        int[] rows = new int[lines.length + 2];
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ROW_COMMENT.matcher(lines[i].trim());
            if (m.find()) {
                row = Integer.parseInt(m.group(2));
            }
            rows[i + 1] = row;
        }
        rows[lines.length + 1] = row;
        return rows;
    }
}
