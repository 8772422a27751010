package dev.syncdoctor.batch;

import dev.syncdoctor.ingest.SourceNames;
import dev.syncdoctor.report.JsonRecordReader;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records an interrupted {@code batch --format json} run wrote before it ended, matched against the
 * inputs of the run that continues it. Records are in input order and each input's records were written
 * together, so the inputs already recorded are a prefix of the inputs: for each input in turn,
 * {@link #take} gives its recorded records, or nothing once the recorded part ends. The last input's
 * records are never trusted (the run may have ended while writing them, or mid-line): that input is
 * evaluated again, so nothing is recorded twice and nothing is lost.
 */
public final class Resumption implements Closeable {
    private final String name;
    private final BufferedReader reader;
    private long lineNumber;
    private BatchRecord next;
    private boolean ended;
    private long taken;

    private Resumption(String name, BufferedReader reader) {
        this.name = name;
        this.reader = reader;
    }

    /**
     * Opens the output an interrupted run left at {@code file}; {@code name} is how errors name it.
     * Reading is lazy: memory holds one input's records at a time.
     */
    public static Resumption open(Path file, String name) throws IOException {
        Resumption r = new Resumption(name, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        r.advance();
        return r;
    }

    /**
     * The recorded records of {@code input} (each line as the earlier run wrote it), all of them, or empty when it was not (completely) recorded:
     * then no later input was either, and this input and every later one are evaluated.
     *
     * @throws IOException when the recorded output does not follow the inputs (other inputs, another order)
     */
    public Optional<List<BatchRecord>> take(BatchInput input) throws IOException {
        if (ended || next == null) {
            ended = true;
            return Optional.empty();
        }
        String source = input.source();
        if (!SourceNames.isPartOf(next.result().source(), source)) {
            throw new IOException(name + ": the records do not follow the inputs given (record " + (taken + 1) + " is of '"
                    + next.result().source() + "' where '" + source + "' comes next); run without --resume to start over");
        }
        List<BatchRecord> group = new ArrayList<>();
        while (next != null && SourceNames.isPartOf(next.result().source(), source)) {
            group.add(next);
            advance();
        }
        if (next == null) {
            // The last input recorded: perhaps only part of its records were written. Evaluate it again.
            ended = true;
            return Optional.empty();
        }
        taken += group.size();
        return Optional.of(group);
    }

    /** Records taken so far (kept from the earlier run). */
    public long taken() {
        return taken;
    }

    /**
     * Checks, once the inputs are exhausted, that no recorded input is left over (fewer inputs than the
     * earlier run had).
     */
    public void checkNoneLeft() throws IOException {
        if (!ended && next != null) {
            throw new IOException(name + ": records of '" + next.result().source() + "' were written by the interrupted run"
                    + " but no such input is given now; run without --resume to start over");
        }
    }

    private void advance() throws IOException {
        String line = reader.readLine();
        lineNumber++;
        if (line == null) {
            next = null;
            return;
        }
        try {
            next = new BatchRecord(JsonRecordReader.read(line), line);
        } catch (IOException | IllegalArgumentException e) {
            // Only the very last line may be cut short (the run ended while writing it).
            if (reader.readLine() == null) {
                next = null;
                return;
            }
            throw new IOException(name + ":" + lineNumber + ": not a record of syncdoctor batch --format json ("
                    + firstLine(e.getMessage()) + ")");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
