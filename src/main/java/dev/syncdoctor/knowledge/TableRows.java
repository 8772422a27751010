package dev.syncdoctor.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV decision table read as a spreadsheet shows it: rows numbered from 1, cells by column, and
 * each {@code RuleTable} with its column headers, fact bindings and code. Reads comma- and
 * semicolon-separated files alike (Excel saves CSV with ';' where ',' is the decimal mark).
 */
final class TableRows {
    /** One row: its number as a spreadsheet shows it, its cells. */
    record Row(int number, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column).trim() : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** One column of a rule table: NAME, CONDITION or ACTION, its binding ({@code $e : SyncError}), code and header. */
    record Column(int index, String kind, String binding, String code, String header) {
    }

    /** A RuleTable: its package, columns, the row of the columns' code, and the data rows. */
    record Table(String ruleSet, List<Column> columns, int codeRow, List<Row> rows) {
    }

    private static final java.util.regex.Pattern RULESET = java.util.regex.Pattern.compile("(?im)^\\uFEFF?\"?RuleSet\"?\\s*+([,;])");

    private TableRows() {
    }

    /**
     * True when the text separates cells with ';' rather than ','. The RuleSet keyword cell tells; without
     * one, the separator more frequent outside quotes (text cells may hold either unquoted).
     */
    static boolean semicolonSeparated(String text) {
        java.util.regex.Matcher keyword = RULESET.matcher(text);
        if (keyword.find()) {
            return keyword.group(1).equals(";");
        }
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas;
    }

    /** A semicolon-separated table rewritten with commas, quoting cells as needed; other content unchanged. */
    static byte[] commaSeparated(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!semicolonSeparated(text)) {
            return content;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (Row row : parse(text, ';')) {
            for (int i = 0; i < row.cells().size(); i++) {
                String cell = row.cells().get(i);
                out.append(i == 0 ? "" : ",");
                boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0;
                out.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The rows of a CSV text; a quoted cell may hold separators, doubled quotes and line breaks. */
    static List<Row> parse(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int number = 1;
        int n = text.length();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(number++, List.copyOf(cells)));
                cells.clear();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(number, List.copyOf(cells)));
        }
        return rows;
    }

    /** The rule tables of a decision table: CSV (after {@link #commaSeparated}), or a workbook's sheets. */
    static List<Table> tablesOf(String file, byte[] content) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return tablesOf(parse(new String(content, StandardCharsets.UTF_8), ','));
        }
        List<Table> out = new ArrayList<>();
        for (List<Row> sheet : workbookRows(content)) {
            out.addAll(tablesOf(sheet));
        }
        return out;
    }

    /** The rows of every sheet of an xls/xlsx workbook, cells as the spreadsheet shows them; none when unreadable. */
    private static List<List<Row>> workbookRows(byte[] content) {
        List<List<Row>> sheets = new ArrayList<>();
        org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(content))) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                List<Row> rows = new ArrayList<>();
                int next = 0;
                for (org.apache.poi.ss.usermodel.Row r : sheet) {
                    // Rows a sheet leaves out are blank rows of the spreadsheet: they end a table.
                    for (; next < r.getRowNum(); next++) {
                        rows.add(new Row(next + 1, List.of()));
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                        org.apache.poi.ss.usermodel.Cell cell = r.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                    rows.add(new Row(r.getRowNum() + 1, cells));
                    next = r.getRowNum() + 1;
                }
                sheets.add(rows);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return List.of(); // Drools reports a workbook it cannot read
        }
        return sheets;
    }

    private static List<Table> tablesOf(List<Row> rows) {
        List<Table> tables = new ArrayList<>();
        String ruleSet = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String first = row.cell(0);
            if (first.equalsIgnoreCase("RuleSet")) {
                ruleSet = row.cell(1);
            }
            if (!first.toLowerCase(Locale.ROOT).startsWith("ruletable") || i + 4 >= rows.size()) {
                continue;
            }
            Row kinds = rows.get(i + 1);
            Row bindings = rows.get(i + 2);
            Row code = rows.get(i + 3);
            Row headers = rows.get(i + 4);
            List<Column> columns = new ArrayList<>();
            String binding = "";
            for (int c = 0; c < kinds.cells().size(); c++) {
                String kind = kinds.cell(c).toUpperCase(Locale.ROOT);
                if (kind.isEmpty()) {
                    break;
                }
                // A binding cell applies to the columns after it until the next one (merged cells in a spreadsheet).
                binding = bindings.cell(c).isEmpty() ? (kind.equals("CONDITION") ? binding : "") : bindings.cell(c);
                columns.add(new Column(c, kind, binding, code.cell(c), headers.cell(c)));
            }
            List<Row> data = new ArrayList<>();
            int r = i + 5;
            for (; r < rows.size() && !rows.get(r).blank(); r++) {
                if (rows.get(r).cell(0).toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    break;
                }
                data.add(rows.get(r));
            }
            tables.add(new Table(ruleSet, List.copyOf(columns), code.number(), List.copyOf(data)));
            i = r - 1;
        }
        return tables;
    }
}
