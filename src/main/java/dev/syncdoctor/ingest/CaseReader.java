package dev.syncdoctor.ingest;

import dev.syncdoctor.model.CaseFacts;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one input (a file, an upload, a stream) into its cases: the one place where an input's format
 * is chosen and the bytes become text.
 *
 * <p>The name's extension decides the format ({@link InputFormat}): {@code .json} a JSON case,
 * {@code .yaml}/{@code .yml} a YAML case, {@code .csv} a CSV export ({@link CsvCaseReader}),
 * {@code .jsonl} JSON Lines (one JSON case per line), anything else ({@code .txt}, {@code .log}, no
 * extension) raw error text, one case whose context can then come only from command-line flags. A
 * stream without a known extension (standard input) is a JSON case when its first non-blank character
 * is {@code '{'}, raw text otherwise. A JSON or YAML document that holds none of the case fields (an
 * error payload such as {@code {"entityName":...}}) is read as raw text.
 *
 * <p>A case file (JSON shown; YAML has the same fields), every field optional:
 * <pre>{@code
 * {"case": "vendors-selfref",          // case id; default: the file name without extension
 *  "map": "Vendors V2",                // table map name
 *  "status": "Not running",            // map status on the Dual-write page
 *  "phase": "initial",                 // initial | live | setup | start
 *  "direction": "FO->DV",              // FO->DV | DV->FO (AX->CRM, "Dataverse to FO" and the like are folded)
 *  "attempts": 2,                      // times the initial sync was run
 *  "occurrences": 3,                   // times the error was seen
 *  "consistent": true,                 // the error happens every time
 *  "roles": ["System admin"],          // roles the user holds (a single text is accepted)
 *  "durationMinutes": 1500, "rowCount": 620000, "legalEntityCount": 45, "lookupCount": 12,
 *  "error": "one error text",          // a text may hold several errors
 *  "errors": ["text", "text"],
 *  "expected": {"...": "..."}}         // for knowledge-base tests; ignored here
 * }</pre>
 * Each error text is normalised and extracted like raw text; the errors of all texts are numbered
 * e1..eN across the case. Context values are canonicalised by {@link ContextValues}, as flags are.
 *
 * <p>Bytes: {@link TextDecoder} (UTF-8, UTF-16 with a BOM, plausible Windows-1252 text). Inputs larger
 * than the limit are refused after reading at most limit + 1 bytes. Immutable and thread-safe.
 */
public final class CaseReader {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CaseReader.class);

    private final InputBytes bytes;
    private final CaseDocumentReader documents;
    private final CsvCaseReader csv = new CsvCaseReader();

    public CaseReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0");
        }
        long max = Math.min(maxBytes, Integer.MAX_VALUE - 64L);
        this.bytes = new InputBytes(max);
        this.documents = new CaseDocumentReader(max);
    }

    /** Every case of a file, in the file's order; a part that cannot be read (a CSV row, a JSON line) is an entry of its own. */
    public List<CaseEntry> entries(Path file) throws InputException {
        String source = file.toString();
        String name = file.getFileName() == null ? source : file.getFileName().toString();
        return logged(() -> entries(source, InputFormat.stem(name), InputFormat.of(name),
                TextDecoder.decode(bytes.read(file, source), source)));
    }

    /**
     * Every case of content received under {@code name} (an upload, a request body): by the name's
     * extension; raw text (or no known extension) that starts with '{' is a JSON case.
     */
    public List<CaseEntry> entries(String name, byte[] content) throws InputException {
        String source = name == null || name.isEmpty() ? "-" : name;
        return logged(() -> ofContent(source, TextDecoder.decode(bytes.check(content, source), source)));
    }

    /**
     * Every case of a file whose bytes were read elsewhere (a distributed file system): exactly what
     * {@link #entries(Path)} gives for a file named {@code source}, by its last segment's extension.
     */
    public List<CaseEntry> fileEntries(String source, byte[] content) throws InputException {
        return logged(() -> entries(source, InputFormat.stem(source), InputFormat.of(source),
                TextDecoder.decode(bytes.check(content, source), source)));
    }

    /**
     * The data rows of a CSV export, not yet grouped into cases: for a reader that groups the rows of one
     * case id across many files (the Spark job) and then calls {@link #exportCase}.
     */
    public List<CsvCaseReader.Row> exportRows(String source, byte[] content) throws InputException {
        return logged(() -> csv.rows(source, TextDecoder.decode(bytes.check(content, source), source)));
    }

    /** The case made of {@code rows} (rows of one case id, in the order they count), named {@code source}. */
    public CaseEntry exportCase(String source, String caseId, List<CsvCaseReader.Row> rows) {
        return csv.caseOf(source, caseId, rows);
    }

    /** Every case of a stream (standard input), as {@link #entries(String, byte[])}. */
    public List<CaseEntry> entries(String name, InputStream in) throws InputException {
        String source = name == null || name.isEmpty() ? "-" : name;
        return logged(() -> ofContent(source, TextDecoder.decode(bytes.read(in, source), source)));
    }

    /** The cases of a file; a part of it that cannot be read is the whole input's error. */
    public List<CaseFacts> read(Path file) throws InputException {
        return facts(entries(file));
    }

    /** The cases of a stream (standard input); a part of it that cannot be read is the whole input's error. */
    public List<CaseFacts> read(String name, InputStream in) throws InputException {
        return facts(entries(name, in));
    }

    /** A case from raw text already in memory; caseId defaults from the source's file name. */
    public CaseFacts fromText(String source, String caseId, String text) {
        return TextCaseReader.fromText(source, caseId, text);
    }

    private List<CaseEntry> ofContent(String source, String text) throws InputException {
        String caseId = "-".equals(source) ? "stdin" : InputFormat.stem(source);
        // A named upload (the web server's) is read by its extension, as a file is; text that starts with '{'
        // (a bare stream, or a pasted case in a .txt upload) is a JSON case.
        InputFormat format = InputFormat.byName(source);
        if ((format == null || format == InputFormat.TEXT) && firstNonBlank(text) == '{') {
            format = InputFormat.JSON;
        } else if (format == null) {
            format = InputFormat.TEXT;
        }
        return entries(source, caseId, format, text);
    }

    /** The one choice of a reader by format. */
    private List<CaseEntry> entries(String source, String caseId, InputFormat format, String text) throws InputException {
        return switch (format) {
            case TEXT -> List.of(CaseEntry.of(TextCaseReader.fromText(source, caseId, text)));
            case JSON -> List.of(CaseEntry.of(documents.readJson(source, caseId, text)));
            case YAML -> List.of(CaseEntry.of(documents.readYaml(source, caseId, text)));
            case CSV -> csv.read(source, text);
            case JSON_LINES -> jsonLines(source, text);
        };
    }

    /** One JSON case per non-blank line; a line that is not one is an entry naming the line. */
    private List<CaseEntry> jsonLines(String source, String text) {
        List<CaseEntry> out = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            if (!line.isBlank()) {
                out.add(jsonLine(SourceNames.lineOf(source, lineNumber), line));
            }
        }
        return out;
    }

    /**
     * One line of JSON Lines (a file's, or standard input's in {@code batch -}) read as a JSON case;
     * {@code source} names the line ({@code file:3}, {@code -:3}).
     */
    public CaseEntry jsonLine(String source, String line) {
        if (!line.stripLeading().startsWith("{")) {
            return CaseEntry.failed(source, null,
                    new InputException(source, "not a JSON case: expected one JSON object per line"));
        }
        try {
            return CaseEntry.of(documents.readJson(source, InputFormat.stem(source), line));
        } catch (InputException e) {
            // The document is one line: its column is the line's column.
            return CaseEntry.failed(source, null, new InputException(source + (e.getColumn() > 0 ? ":" + e.getColumn() : ""),
                    "not a JSON case: " + e.getReason()));
        }
    }

    private static List<CaseFacts> facts(List<CaseEntry> entries) throws InputException {
        List<CaseFacts> out = new ArrayList<>(entries.size());
        for (CaseEntry e : entries) {
            if (!e.ok()) {
                throw e.problem();
            }
            out.add(e.facts());
        }
        return out;
    }

    private interface Read<T> {
        T get() throws InputException;
    }

    /** Failures are the caller's to report: logged here only with --verbose, stack included. */
    private static <T> T logged(Read<T> read) throws InputException {
        try {
            return read.get();
        } catch (InputException e) {
            LOG.debug("{}", e.getMessage(), e);
            throw e;
        }
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return 0;
    }
}
