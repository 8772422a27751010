package dev.syncdoctor.batch;

import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.UnexplainedError;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-case table of a batch report: one row per record (source, case, status, issues, what stayed
 * unexplained or why it is invalid), in input order, up to a row limit so a batch of millions keeps a
 * page a browser can open; the rows past it are counted.
 */
public final class CaseTable {
    public static final int DEFAULT_ROWS = 5_000;

    /** One case: {@code issues} as "issue (kb)", {@code detail} the first unexplained signature or the error. */
    public record Row(String source, String caseId, String status, List<String> issues, List<String> titles, String detail) {
    }

    private final int maxRows;
    private final List<Row> rows = new ArrayList<>();
    private long omitted;

    public CaseTable(int maxRows) {
        this.maxRows = maxRows;
    }

    public synchronized void add(CaseResult r) {
        if (rows.size() >= maxRows) {
            omitted++;
            return;
        }
        List<String> issues = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (IssueDiagnosis d : r.diagnoses()) {
            issues.add(d.issue() + (d.kb() == null ? "" : " (" + d.kb() + ")"));
            titles.add(d.title());
        }
        String detail = r.error();
        if (detail == null && !r.unexplained().isEmpty()) {
            UnexplainedError first = r.unexplained().get(0);
            detail = "not recognised: " + first.signature()
                    + (r.unexplained().size() > 1 ? " (+" + (r.unexplained().size() - 1) + " more)" : "");
        }
        rows.add(new Row(r.source(), r.caseId(), r.status().label(), List.copyOf(issues), List.copyOf(titles), detail));
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Records past the row limit, not in the table. */
    public synchronized long omitted() {
        return omitted;
    }
}
