package dev.syncdoctor.api;

import dev.syncdoctor.ingest.CaseEntry;
import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.ingest.CsvCaseReader;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.ingest.InputFormat;
import dev.syncdoctor.model.CaseFacts;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads cases from any supported input (raw text, JSON/YAML case files, CSV exports, JSON Lines, a
 * stream), bounded by an input size limit; the format is chosen in one place, {@link CaseReader}, by
 * {@link InputFormat}. A part of an input that cannot be read (a CSV row, a JSON line) is an entry in
 * its place. Immutable and thread-safe.
 */
public final class CaseInputs {
    private final CaseReader reader;
    private final long maxInputBytes;

    public CaseInputs(long maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
        this.reader = new CaseReader(maxInputBytes);
    }

    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** The cases of a file, by its extension (raw text for an unknown one); one entry per case or unreadable part. */
    public List<CaseInput> read(Path file) throws InputException {
        return wrap(reader.entries(file));
    }

    /**
     * The cases of content received under {@code name} (an upload, a stream): by the name's extension as
     * {@link #read(Path)} does; with no known extension, JSON when it starts with '{', else raw text.
     */
    public List<CaseInput> read(String name, byte[] content) throws InputException {
        return wrap(reader.entries(name, content));
    }

    /**
     * The cases of a file whose content was read elsewhere (a distributed file system): exactly what
     * {@link #read(Path)} gives for a file named {@code source}.
     */
    public List<CaseInput> readFile(String source, byte[] content) throws InputException {
        return wrap(reader.fileEntries(source, content));
    }

    /**
     * The data rows of a CSV export, not yet grouped into cases: for a reader that groups the rows of one
     * case id across many files (the Spark job) and then calls {@link #exportCase}.
     */
    public List<CsvCaseReader.Row> exportRows(String source, byte[] content) throws InputException {
        return reader.exportRows(source, content);
    }

    /** The case made of {@code rows} (rows of one case id, in the order they count), named {@code source}. */
    public CaseInput exportCase(String source, String caseId, List<CsvCaseReader.Row> rows) {
        return wrap(reader.exportCase(source, caseId, rows));
    }

    /** The cases of a stream (standard input, a request body), as {@link #read(String, byte[])}. */
    public List<CaseInput> read(String name, InputStream in) throws InputException {
        return wrap(reader.entries(name, in));
    }

    /** One line of JSON Lines read as a JSON case; {@code source} names the line ({@code -:3}). */
    public CaseInput readJsonLine(String source, String line) {
        return wrap(reader.jsonLine(source, line));
    }

    /** A case from raw text already in memory. */
    public CaseFacts fromText(String source, String caseId, String text) {
        return reader.fromText(source, caseId, text);
    }

    private static List<CaseInput> wrap(List<CaseEntry> entries) {
        List<CaseInput> out = new ArrayList<>(entries.size());
        for (CaseEntry e : entries) {
            out.add(wrap(e));
        }
        return out;
    }

    private static CaseInput wrap(CaseEntry e) {
        return e.ok() ? CaseInput.of(e.facts()) : CaseInput.failed(e.source(), e.caseId(), e.problem());
    }
}
