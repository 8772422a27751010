package dev.syncdoctor.batch;

import dev.syncdoctor.api.CaseInput;
import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.ingest.InputFormat;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.SyncCase;
import dev.syncdoctor.plan.CaseResult;
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

    /** The core this evaluator adapts (its readers, its knowledge). */
    public SyncDoctor doctor() {
        return doctor;
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
        try {
            return evaluateCases(source, doctor.inputs().read(f.path()));
        } catch (InputException e) {
            return List.of(invalid(source, InputFormat.stem(source), e.getMessage()));
        }
    }

    /**
     * The records of a file whose content was read elsewhere (a distributed file system), exactly as a
     * batch gives them for a file named {@code source}. Never throws.
     */
    public List<BatchRecord> evaluateFile(String source, byte[] content) {
        try {
            return evaluateCases(source, doctor.inputs().readFile(source, content));
        } catch (InputException e) {
            return List.of(unreadable(source, e));
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(invalid(source, null, source + ": internal error: " + e));
        }
    }

    private List<BatchRecord> evaluateCases(String source, List<CaseInput> cases) {
        if (cases.isEmpty()) {
            return List.of(invalid(source, InputFormat.stem(source), InputFormat.of(source) == InputFormat.CSV
                    ? source + ": no case in this CSV export (a header and no rows)" : source + ": no case in this input"));
        }
        List<BatchRecord> out = new ArrayList<>(cases.size());
        for (CaseInput c : cases) {
            out.add(evaluate(c));
        }
        return out;
    }

    /** The record of a file that could not be read as an input at all. */
    public BatchRecord unreadable(String source, InputException e) {
        return invalid(source, InputFormat.stem(source), e.getMessage());
    }

    /** The record of a CSV export that holds a header and no rows, as a batch gives it. */
    public BatchRecord emptyExport(String source) {
        return evaluateCases(source, List.of()).get(0);
    }

    /** A JSON Lines case of standard input: one JSON object on one line, read like a JSON case file. */
    private List<BatchRecord> evaluateLine(BatchInput.StdinLine l) {
        return evaluateJsonLine(l.source(), l.text());
    }

    /**
     * The records of one line of JSON Lines named {@code source} ({@code -:3}, {@code cases.jsonl:3}), as a
     * batch gives them for standard input. Never throws.
     */
    public List<BatchRecord> evaluateJsonLine(String source, String text) {
        CaseInput c;
        try {
            c = doctor.inputs().readJsonLine(source, text);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(invalid(source, null, source + ": internal error: " + e));
        }
        return List.of(c.ok() ? evaluate(c) : invalid(c.source(), null, c.problem().getMessage()));
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
}
