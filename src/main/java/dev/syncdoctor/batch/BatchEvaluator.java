package dev.syncdoctor.batch;

import dev.syncdoctor.api.CaseInput;
import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.ingest.CsvCaseReader;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.SyncCase;
import dev.syncdoctor.plan.CaseResult;
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
    private final SyncDoctor doctor;
    private final BatchFormat format;

    public BatchEvaluator(SyncDoctor doctor, BatchFormat format) {
        this.doctor = doctor;
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
        List<CaseInput> cases;
        try {
            cases = doctor.inputs().read(f.path());
        } catch (InputException e) {
            return List.of(invalid(source, stem, e.getMessage()));
        }
        if (cases.isEmpty()) {
            return List.of(invalid(source, stem, CsvCaseReader.isExport(source)
                    ? source + ": no case in this CSV export (a header and no rows)" : source + ": no case in this input"));
        }
        List<BatchRecord> out = new ArrayList<>(cases.size());
        for (CaseInput c : cases) {
            out.add(c.ok() ? evaluateCase(c.facts()) : invalid(c.source(), c.caseId(), c.problem().getMessage()));
        }
        return out;
    }

    /** A JSON Lines case: one JSON object on one line, read by the ingest reader like a JSON case file. */
    private List<BatchRecord> evaluateLine(BatchInput.StdinLine l) {
        String source = l.source();
        if (!l.text().stripLeading().startsWith("{")) {
            return List.of(invalid(source, null, source + ": not a JSON case: expected one JSON object per line"));
        }
        List<CaseInput> cases;
        try {
            cases = doctor.inputs().read(source, new ByteArrayInputStream(l.text().getBytes(StandardCharsets.UTF_8)));
        } catch (InputException e) {
            // The document is one line: its column is the line's column.
            return List.of(invalid(source, null, source + (e.getColumn() > 0 ? ":" + e.getColumn() : "") + ": "
                    + "not a JSON case: " + e.getReason()));
        }
        List<BatchRecord> out = new ArrayList<>(cases.size());
        for (CaseInput c : cases) {
            out.add(evaluateCase(c.facts()));
        }
        return out;
    }

    /** The record of one case already read (an upload's), or its invalid record when it could not be read. Never throws. */
    public BatchRecord evaluate(CaseInput c) {
        try {
            return c.ok() ? evaluateCase(c.facts()) : invalid(c.source(), c.caseId(), c.problem().getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return invalid(c.source(), c.caseId(), c.source() + ": internal error: " + e);
        }
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
            r = doctor.diagnose(facts, false);
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

    /** A file name without its extension: the case id of an input that could not be read. */
    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
