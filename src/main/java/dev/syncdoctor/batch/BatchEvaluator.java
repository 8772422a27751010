package dev.syncdoctor.batch;

import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.ingest.CsvCaseReader;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.SyncCase;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.Diagnostician;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one batch input into its records: read, extract, evaluate, plan and render, with every failure
 * (unreadable input, a rule that throws or runs past a limit, a bug) caught and turned into an
 * {@code invalid} record that says why. Thread-safe: workers share one instance, and so one knowledge base.
 */
public final class BatchEvaluator {
    private final Diagnostician diagnostician;
    private final CaseReader reader;
    private final CsvCaseReader csvReader;
    private final BatchFormat format;

    public BatchEvaluator(Diagnostician diagnostician, long maxInputBytes, BatchFormat format) {
        this.diagnostician = diagnostician;
        this.reader = new CaseReader(maxInputBytes);
        this.csvReader = new CsvCaseReader(reader, maxInputBytes);
        this.format = format;
    }

    /** The records of one input, at least one, in the input's own order. Never throws. */
    public List<BatchRecord> evaluate(BatchInput input) {
        try {
            if (input instanceof BatchInput.File f) {
                return evaluateFile(f);
            } else if (input instanceof BatchInput.StdinLine l) {
                return evaluateLine(l);
            } else {
                BatchInput.Unreadable u = (BatchInput.Unreadable) input;
                return List.of(invalid(u.source(), null, u.source() + ": " + u.reason()));
            }
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(invalid(input.source(), null, input.source() + ": internal error: " + e));
        }
    }

    private List<BatchRecord> evaluateFile(BatchInput.File f) {
        String source = f.source();
        String stem = stem(f.path().getFileName() == null ? source : f.path().getFileName().toString());
        if (CsvCaseReader.isExport(source)) {
            List<CsvCaseReader.Entry> entries;
            try {
                entries = csvReader.read(f.path());
            } catch (InputException e) {
                return List.of(invalid(source, stem, e.getMessage()));
            }
            if (entries.isEmpty()) {
                return List.of(invalid(source, stem, source + ": no case in this CSV export (a header and no rows)"));
            }
            List<BatchRecord> out = new ArrayList<>(entries.size());
            for (CsvCaseReader.Entry e : entries) {
                out.add(e.ok() ? evaluateCase(e.facts()) : invalid(e.source(), e.caseId(), e.problem().getMessage()));
            }
            return out;
        }
        List<CaseFacts> cases;
        try {
            cases = reader.read(f.path());
        } catch (InputException e) {
            return List.of(invalid(source, stem, e.getMessage()));
        }
        if (cases.isEmpty()) {
            return List.of(invalid(source, stem, source + ": no case in this input"));
        }
        List<BatchRecord> out = new ArrayList<>(cases.size());
        for (CaseFacts c : cases) {
            out.add(evaluateCase(c));
        }
        return out;
    }

    /** A JSON Lines case: one JSON object on one line, read by the ingest reader like a JSON case file. */
    private List<BatchRecord> evaluateLine(BatchInput.StdinLine l) {
        String source = l.source();
        if (!l.text().stripLeading().startsWith("{")) {
            return List.of(invalid(source, null, source + ": not a JSON case: expected one JSON object per line"));
        }
        List<CaseFacts> cases;
        try {
            cases = reader.read(source, new ByteArrayInputStream(l.text().getBytes(StandardCharsets.UTF_8)));
        } catch (InputException e) {
            // The document is one line: its column is the line's column.
            return List.of(invalid(source, null, source + (e.getColumn() > 0 ? ":" + e.getColumn() : "") + ": "
                    + "not a JSON case: " + e.getReason()));
        }
        List<BatchRecord> out = new ArrayList<>(cases.size());
        for (CaseFacts c : cases) {
            out.add(evaluateCase(c));
        }
        return out;
    }

    /** Evaluates one case read without problems. */
    BatchRecord evaluateCase(CaseFacts facts) {
        String source = facts.getSource();
        String caseId = facts.getSyncCase().getId();
        if (facts.getErrors().isEmpty() && !facts.getSyncCase().hasContext()) {
            return invalid(source, caseId, source + ": no error text and no case context");
        }
        CaseResult r;
        try {
            r = diagnostician.diagnose(facts);
        } catch (RuntimeException | StackOverflowError e) {
            return invalid(source, caseId, source + ": evaluation failed: " + e);
        }
        if (r.status() == dev.syncdoctor.plan.CaseStatus.INVALID && r.error() != null && !r.error().startsWith(source)) {
            r = new CaseResult(r.source(), r.caseId(), r.status(), r.diagnoses(), r.requirements(), r.actions(),
                    r.unexplained(), source + ": " + r.error(), r.evaluation());
        }
        return record(r);
    }

    /** The record of an input whose evaluation failed outside the evaluator (abandoned, a bug). */
    public BatchRecord failed(BatchInput input, String reason) {
        return invalid(input.source(), null, input.source() + ": " + reason);
    }

    private BatchRecord invalid(String source, String caseId, String reason) {
        return record(CaseResult.invalid(source, caseId, reason));
    }

    private BatchRecord record(CaseResult r) {
        String line = format.line(r);
        // Keep what the summary needs; drop the evaluation trail and the plan.
        CaseResult light = new CaseResult(r.source(), r.caseId(), r.status(), r.diagnoses(), List.of(), List.of(),
                r.unexplained(), r.error(), null);
        return new BatchRecord(light, line);
    }

    /** The same test as {@code diagnose}: a case with no error text needs something the user said about it. */
    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
