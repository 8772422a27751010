package dev.syncdoctor.api;

import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.ingest.CsvCaseReader;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.model.CaseFacts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads cases from any supported input (raw text, JSON/YAML case files, CSV exports, a stream), bounded
 * by an input size limit. Immutable and thread-safe.
 */
public final class CaseInputs {
    private final CaseReader reader;
    private final CsvCaseReader csvReader;
    private final long maxInputBytes;

    public CaseInputs(long maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
        this.reader = new CaseReader(maxInputBytes);
        this.csvReader = new CsvCaseReader(reader, maxInputBytes);
    }

    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** The cases of a file: raw text, a JSON/YAML case file, or a CSV export (one entry per case id). */
    public List<CaseInput> read(Path file) throws InputException {
        if (CsvCaseReader.isExport(file.toString())) {
            return fromExport(csvReader.read(file));
        }
        return wrap(reader.read(file));
    }

    /**
     * The cases of content received under {@code name} (an upload, a stream): by the name's extension as
     * {@link #read(Path)} does; with no known extension, JSON when it starts with '{', else raw text.
     */
    public List<CaseInput> read(String name, byte[] content) throws InputException {
        if (name != null && CsvCaseReader.isExport(name)) {
            if (content.length > maxInputBytes) {
                throw new InputException(name, "input is " + content.length + " bytes, larger than the limit of "
                        + maxInputBytes + " (raise --max-input-bytes)");
            }
            return fromExport(csvReader.read(name, new StringReader(new String(content, StandardCharsets.UTF_8))));
        }
        return read(name, new ByteArrayInputStream(content));
    }

    /**
     * The cases of a file whose content was read elsewhere (a distributed file system): exactly what
     * {@link #read(Path)} gives for a file named {@code source}.
     */
    public List<CaseInput> readFile(String source, byte[] content) throws InputException {
        if (CsvCaseReader.isExport(source)) {
            return fromExport(csvReader.read(source, new StringReader(csvReader.text(source, content))));
        }
        return wrap(reader.readContent(source, content));
    }

    /**
     * The data rows of a CSV export, not yet grouped into cases: for a reader that groups the rows of one
     * case id across many files (the Spark job) and then calls {@link #exportCase}.
     */
    public List<CsvCaseReader.Row> exportRows(String source, byte[] content) throws InputException {
        return csvReader.rows(source, new StringReader(csvReader.text(source, content)));
    }

    /** The case made of {@code rows} (rows of one case id, in the order they count), named {@code source}. */
    public CaseInput exportCase(String source, String caseId, List<CsvCaseReader.Row> rows) {
        return fromExport(List.of(csvReader.caseOf(source, caseId, rows))).get(0);
    }

    /** Raw text or a JSON case from a stream (standard input, a request body). */
    public List<CaseInput> read(String name, InputStream in) throws InputException {
        return wrap(reader.read(name, in));
    }

    /** A case from raw text already in memory. */
    public CaseFacts fromText(String source, String caseId, String text) {
        return reader.fromText(source, caseId, text);
    }

    private static List<CaseInput> wrap(List<CaseFacts> cases) {
        List<CaseInput> out = new ArrayList<>(cases.size());
        for (CaseFacts c : cases) {
            out.add(CaseInput.of(c));
        }
        return out;
    }

    private static List<CaseInput> fromExport(List<CsvCaseReader.Entry> entries) {
        List<CaseInput> out = new ArrayList<>(entries.size());
        for (CsvCaseReader.Entry e : entries) {
            out.add(e.ok() ? CaseInput.of(e.facts()) : CaseInput.failed(e.source(), e.caseId(), e.problem()));
        }
        return out;
    }
}
