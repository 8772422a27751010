package dev.syncdoctor.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.syncdoctor.model.CaseFacts;
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
 * UTF-8 text (a leading byte-order mark is allowed), comma separated, RFC 4180 quoting: a value that holds
 * a comma, a double quote or a line break is enclosed in double quotes, and a double quote inside it is
 * doubled. The first row is the header; column names are matched without case and in any order:
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
 * number) becomes one {@link Entry} with a problem naming the file and line; its case's other rows are still
 * read. An unbalanced quote swallows the rest of the file into one value: the rows from that row to the end
 * become one problem entry naming the row's line. A file that is not a CSV export at all (too large, not
 * UTF-8, no header, a required column missing) throws {@link InputException}.
 *
 * <p>Each case's source is {@code file.csv#case-id}. Error texts go through {@link CaseReader#fromText}, so a
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

    private final CaseReader reader;
    private final long maxBytes;

    /** Whether a file name is a CSV export (read with this reader, not as raw text). */
    public static boolean isExport(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    public CsvCaseReader(CaseReader reader, long maxBytes) {
        this.reader = reader;
        this.maxBytes = maxBytes;
    }

    /**
     * One record of the file: a case ({@code facts} set) or rows that could not be read ({@code problem} set,
     * its message {@code file:line: reason}).
     */
    public record Entry(String source, String caseId, CaseFacts facts, InputException problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public List<Entry> read(Path file) throws InputException {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InputException(name, "file is " + size + " bytes, larger than the limit of " + maxBytes
                        + " (raise --max-input-bytes)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + describe(e));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "not UTF-8 text (save the export as CSV UTF-8)");
        }
        return read(name, new StringReader(text));
    }

    /** Reads CSV text; {@code name} is the file name used in sources and problems. */
    public List<Entry> read(String name, Reader in) throws InputException {
        // Cases by id in first-appearance order; problem entries keep their place among them.
        Map<String, Object> byKey = new LinkedHashMap<>();
        try (CsvParser p = (CsvParser) CSV.getFactory().createParser(in)) {
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
                    byKey.put("\u0000" + rowLine, problem(name, rowLine, null, reason));
                    break;
                }
                if (header == null) {
                    header = Header.of(name, row);
                    continue;
                }
                String caseId = header.value(row, "case_id");
                if (row.size() != header.size()) {
                    byKey.put("\u0000" + rowLine, problem(name, rowLine, caseId, "row has " + row.size()
                            + (row.size() == 1 ? " value" : " values") + ", the header has " + header.size()));
                    continue;
                }
                if (caseId == null || caseId.isBlank()) {
                    byKey.put("\u0000" + rowLine, problem(name, rowLine, null, "row has no case_id"));
                    continue;
                }
                caseId = caseId.trim();
                Object existing = byKey.get(caseId);
                CaseRows rows = existing instanceof CaseRows r ? r : new CaseRows(caseId);
                String bad = rows.add(header, row);
                if (bad != null) {
                    byKey.put("\u0000" + rowLine, problem(name, rowLine, caseId, bad));
                    continue;
                }
                if (existing == null) {
                    byKey.put(caseId, rows);
                }
            }
            if (header == null) {
                throw new InputException(name, "empty CSV: no header row (expected " + String.join(",", COLUMNS) + ")");
            }
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + describe(e));
        }
        List<Entry> out = new ArrayList<>(byKey.size());
        for (Object o : byKey.values()) {
            out.add(o instanceof CaseRows r ? new Entry(name + "#" + r.caseId, r.caseId, r.toFacts(name + "#" + r.caseId), null)
                    : (Entry) o);
        }
        return out;
    }

    private static int line(JsonLocation loc, int fallback) {
        return loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : fallback;
    }

    private static Entry problem(String name, int line, String caseId, String reason) {
        return new Entry(name + ":" + line, caseId, null, at(name, line, reason));
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
    private final class CaseRows {
        final String caseId;
        final List<String> messages = new ArrayList<>(2);
        final List<String> roles = new ArrayList<>(2);
        String map;
        String status;
        String direction;
        String phase;
        Integer attempts;
        Integer occurrences;

        CaseRows(String caseId) {
            this.caseId = caseId;
        }

        /** Adds a row; returns why it cannot be read, or null. */
        String add(Header h, List<String> row) {
            Integer a;
            Integer o;
            try {
                a = number(h.value(row, "attempts"));
                o = number(h.value(row, "occurrences"));
            } catch (NumberFormatException e) {
                return "attempts and occurrences must be whole numbers: " + e.getMessage();
            }
            attempts = max(attempts, a);
            occurrences = max(occurrences, o);
            map = first(map, h.value(row, "map"));
            status = first(status, h.value(row, "status"));
            direction = first(direction, h.value(row, "direction"));
            phase = first(phase, h.value(row, "phase"));
            String r = h.value(row, "roles");
            if (r != null) {
                Arrays.stream(r.split(";")).map(String::trim).filter(s -> !s.isEmpty()).forEach(roles::add);
            }
            String message = h.value(row, "message");
            if (message != null && !message.isBlank()) {
                messages.add(message);
            }
            return null;
        }

        CaseFacts toFacts(String source) {
            CaseFacts facts = fromTexts(reader, source, caseId, messages);
            CaseContext context = new CaseContext();
            context.setMapName(map);
            context.setMapStatus(status);
            context.setDirection(direction);
            context.setPhase(phase);
            context.setAttempts(attempts);
            context.setOccurrences(occurrences);
            context.setRoles(roles.isEmpty() ? null : roles);
            context.applyTo(facts.getSyncCase());
            return facts;
        }
    }

    /**
     * One case from several error texts (the rows of a CSV case): each text read with
     * {@link CaseReader#fromText}, their errors and legs gathered in order and the errors numbered again
     * e1, e2, ... across the case.
     */
    private static CaseFacts fromTexts(CaseReader reader, String source, String caseId, List<String> texts) {
        CaseFacts facts = reader.fromText(source, caseId, texts.isEmpty() ? "" : texts.get(0));
        for (int i = 1; i < texts.size(); i++) {
            CaseFacts more = reader.fromText(source, caseId, texts.get(i));
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
