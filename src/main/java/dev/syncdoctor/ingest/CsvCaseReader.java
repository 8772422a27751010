package dev.syncdoctor.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.Phase;
import dev.syncdoctor.model.SyncError;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV export of initial-sync errors: one row per error, the rows of one case grouped by case id.
 *
 * <h2>Layout</h2>
 * Text as {@link TextDecoder} reads it (UTF-8 with or without a byte-order mark, or what Excel saves as
 * Windows-1252), separated by commas, semicolons (Excel in locales whose decimal separator is a comma) or
 * tabs, whichever the header line uses most; RFC 4180 quoting: a value that holds the delimiter, a double
 * quote or a line break is enclosed in double quotes, and a double quote inside it is doubled. The first row is the header; column names are matched without case and in any order:
 * <pre>
 * case_id,map,status,direction,phase,attempts,occurrences,roles,message
 * </pre>
 * <ul>
 * <li>{@code case_id} (required): rows with the same id form one case, in the order ids first appear.</li>
 * <li>{@code message} (required): the error text of this row; quoted multi-line texts are kept whole. An empty
 *     message adds no error (a row can carry only the case context).</li>
 * <li>{@code map}, {@code status} (map status, e.g. {@code Not running}), {@code direction}
 *     ({@code FO->DV}, {@code DV->FO}), {@code phase} ({@code initial}, {@code live}, {@code setup},
 *     {@code start}): the first non-empty value of a case wins.</li>
 * <li>{@code attempts}, {@code occurrences}: whole numbers; the largest value of a case wins.</li>
 * <li>{@code roles}: the roles the user holds, separated by {@code ;}; the union over the case's rows.</li>
 * </ul>
 * Other columns are ignored. Blank lines are skipped.
 *
 * <h2>Nothing is dropped</h2>
 * A row that cannot be read (a different number of values than the header, no case id, a count that is not a
 * number, an unknown direction or phase) becomes one {@link CaseEntry} with a problem naming the file and line; its case's other rows are still
 * read. An unbalanced quote swallows the rest of the file into one value: the rows from that row to the end
 * become one problem entry naming the row's line. A file that is not a CSV export at all (no header, a
 * required column missing) throws {@link InputException}.
 *
 * <p>Each case's source is {@code file.csv#case-id}. Error texts go through {@link TextCaseReader#fromText}, so a
 * CSV case gets the same normalising and extraction as a text file; the columns are then applied over what
 * the text said, like the command-line context flags.
 */
public final class CsvCaseReader {
    /** The documented columns, in their documented order. */
    public static final List<String> COLUMNS =
            List.of("case_id", "map", "status", "direction", "phase", "attempts", "occurrences", "roles", "message");

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    public CsvCaseReader() {
    }

    /** Reads the text of an export; the delimiter is the one of , ; and tab the header line uses most. */
    public List<CaseEntry> read(String name, String text) throws InputException {
        return read(name, new StringReader(text), delimiterOf(text));
    }

    /** Reads a comma-separated export; {@code name} is the file name used in sources and problems. */
    public List<CaseEntry> read(String name, Reader in) throws InputException {
        return read(name, in, ',');
    }

    /**
     * The delimiter of the header line: Excel writes ; where the decimal separator is a comma, and
     * "Unicode text" exports are tab separated. Ties (and a header of one column) go to the comma.
     */
    static char delimiterOf(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    private List<CaseEntry> read(String name, Reader in, char delimiter) throws InputException {
        // Cases by id in first-appearance order; problem entries keep their place among them.
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Row row : rows(name, in, delimiter)) {
            if (!row.ok()) {
                byKey.put("\u0000" + row.line(), CaseEntry.failed(SourceNames.lineOf(name, row.line()), row.caseId(), row.problem()));
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Row> rows = (List<Row>) byKey.computeIfAbsent(row.caseId(), k -> new ArrayList<Row>());
            rows.add(row);
        }
        List<CaseEntry> out = new ArrayList<>(byKey.size());
        for (Object o : byKey.values()) {
            if (o instanceof CaseEntry e) {
                out.add(e);
            } else {
                @SuppressWarnings("unchecked")
                List<Row> rows = (List<Row>) o;
                String caseId = rows.get(0).caseId();
                out.add(caseOf(SourceNames.caseOf(name, caseId), caseId, rows));
            }
        }
        return out;
    }

    /**
     * One data row of an export, read but not yet grouped into its case: the documented columns present in
     * the header, by name ({@code problem} set instead when the row cannot be read). For readers that group
     * the rows of one case id across files before building the case (the Spark job).
     */
    public record Row(String file, int line, String caseId, Map<String, String> columns, InputException problem)
            implements java.io.Serializable {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * The data rows of an export's text, in file order, each a case's row or a problem naming its line; the
     * delimiter as {@link #read(String, String)} finds it. Throws when the text is not an export at all (no
     * header, a required column missing, unreadable before the header).
     */
    public List<Row> rows(String name, String text) throws InputException {
        return rows(name, new StringReader(text), delimiterOf(text));
    }

    private List<Row> rows(String name, Reader in, char delimiter) throws InputException {
        List<Row> out = new ArrayList<>();
        try (CsvParser p = (CsvParser) CSV.getFactory().createParser(in)) {
            p.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
            Header header = null;
            List<String> row = new ArrayList<>();
            int rowLine = 1;
            while (true) {
                JsonToken t;
                try {
                    t = p.nextToken();
                    if (t == null) {
                        break;
                    }
                    // With WRAP_AS_ARRAY the document is an array of rows: skip the outer one.
                    if (t != JsonToken.START_ARRAY || p.getParsingContext().getParent() == null
                            || p.getParsingContext().getParent().inRoot()) {
                        continue;
                    }
                    // Where the row starts: the input position at its start, then, more exactly (blank lines
                    // are skipped), where its first value starts.
                    rowLine = line(p.currentLocation(), rowLine + 1);
                    row.clear();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                        if (row.isEmpty()) {
                            rowLine = line(p.currentTokenLocation(), rowLine);
                        }
                        row.add(p.getText());
                    }
                } catch (JsonProcessingException e) {
                    String reason = e.getOriginalMessage().toLowerCase(Locale.ROOT).contains("quote")
                            ? "unbalanced double quote: the rows from line " + rowLine + " to the end of the file could not be read"
                            : "the rows from line " + rowLine + " to the end of the file could not be read: " + e.getOriginalMessage();
                    if (header == null) {
                        throw at(name, rowLine, reason);
                    }
                    out.add(problem(name, rowLine, null, reason));
                    break;
                }
                if (header == null) {
                    header = Header.of(name, row);
                    continue;
                }
                String caseId = header.value(row, "case_id");
                if (row.size() != header.size()) {
                    out.add(problem(name, rowLine, caseId, "row has " + row.size()
                            + (row.size() == 1 ? " value" : " values") + ", the header has " + header.size()));
                    continue;
                }
                if (caseId == null || caseId.isBlank()) {
                    out.add(problem(name, rowLine, null, "row has no case_id"));
                    continue;
                }
                caseId = caseId.trim();
                Map<String, String> columns = new HashMap<>();
                for (String c : COLUMNS) {
                    String v = header.value(row, c);
                    if (v != null) {
                        columns.put(c, v);
                    }
                }
                String bad = CaseRows.check(columns);
                out.add(bad == null ? new Row(name, rowLine, caseId, columns, null) : problem(name, rowLine, caseId, bad));
            }
            if (header == null) {
                throw new InputException(name, "empty CSV: no header row (expected " + String.join(",", COLUMNS) + ")");
            }
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + describe(e));
        }
        return out;
    }

    /** The case of {@code rows} (read rows of one case id, in the order they count), named {@code source}. */
    public CaseEntry caseOf(String source, String caseId, List<Row> rows) {
        CaseRows c = new CaseRows(caseId);
        for (Row r : rows) {
            c.add(r.columns());
        }
        return CaseEntry.of(c.toFacts(source));
    }

    private static int line(JsonLocation loc, int fallback) {
        return loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : fallback;
    }

    private static Row problem(String name, int line, String caseId, String reason) {
        return new Row(name, line, caseId, null, at(name, line, reason));
    }

    private static InputException at(String name, int line, String reason) {
        return new InputException(name, line, 0, reason);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Column positions by name. */
    private record Header(Map<String, Integer> index, int size) {
        static Header of(String name, List<String> cells) throws InputException {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String c = cells.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
                index.putIfAbsent(c, i);
            }
            for (String required : List.of("case_id", "message")) {
                if (!index.containsKey(required)) {
                     throw at(name, 1, "header has no " + required + " column (expected "
                            + String.join(",", COLUMNS) + ")");
                }
            }
            return new Header(index, cells.size());
        }

        String value(List<String> row, String column) {
            Integer i = index.get(column);
            return i == null || i >= row.size() ? null : row.get(i);
        }
    }

    /** The rows of one case as read so far. */
    private static final class CaseRows {
        final String caseId;
        final List<String> messages = new ArrayList<>(2);
        final List<String> roles = new ArrayList<>(2);
        String map;
        String status;
        Direction direction;
        Phase phase;
        Integer attempts;
        Integer occurrences;

        CaseRows(String caseId) {
            this.caseId = caseId;
        }

        /** Why a row's context cannot be read (a count that is not a number, an unknown direction or phase), or null. */
        static String check(Map<String, String> row) {
            try {
                number(row.get("attempts"));
                number(row.get("occurrences"));
            } catch (NumberFormatException e) {
                return "attempts and occurrences must be whole numbers: " + e.getMessage();
            }
            try {
                ContextValues.direction(row.get("direction"));
                ContextValues.phase(row.get("phase"));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            return null;
        }

        /** Adds a row read by {@link #rows} (its context already checked). */
        void add(Map<String, String> row) {
            attempts = max(attempts, number(row.get("attempts")));
            occurrences = max(occurrences, number(row.get("occurrences")));
            map = first(map, row.get("map"));
            status = first(status, row.get("status"));
            direction = direction == null ? ContextValues.direction(row.get("direction")) : direction;
            phase = phase == null ? ContextValues.phase(row.get("phase")) : phase;
            String r = row.get("roles");
            if (r != null) {
                Arrays.stream(r.split(";")).map(String::trim).filter(s -> !s.isEmpty()).forEach(roles::add);
            }
            String message = row.get("message");
            if (message != null && !message.isBlank()) {
                messages.add(message);
            }
        }

        CaseFacts toFacts(String source) {
            CaseFacts facts = fromTexts(source, caseId, messages);
            CaseContext.builder().map(map).status(status).direction(direction).phase(phase).attempts(attempts)
                    .occurrences(occurrences).roles(roles).build().applyTo(facts.getSyncCase());
            return facts;
        }
    }

    /**
     * One case from several error texts (the rows of a CSV case): each text read with
     * {@link TextCaseReader#fromText}, their errors and legs gathered in order and the errors numbered again
     * e1, e2, ... across the case.
     */
    private static CaseFacts fromTexts(String source, String caseId, List<String> texts) {
        CaseFacts facts = TextCaseReader.fromText(source, caseId, texts.isEmpty() ? "" : texts.get(0));
        for (int i = 1; i < texts.size(); i++) {
            CaseFacts more = TextCaseReader.fromText(source, caseId, texts.get(i));
            facts.getLegs().addAll(more.getLegs());
            for (SyncError e : more.getErrors()) {
                facts.addError(e);
            }
            var s = facts.getSyncCase();
            var m = more.getSyncCase();
            if (s.getCompletionStatus() == null) {
                s.setCompletionStatus(m.getCompletionStatus());
            }
            if (s.getMapName() == null) {
                s.setMapName(m.getMapName());
            }
        }
        return facts;
    }

    private static Integer number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + s.trim() + "'");
        }
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static String first(String current, String value) {
        return current != null || value == null || value.isBlank() ? current : value.trim();
    }
}
