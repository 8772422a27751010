package dev.syncdoctor.model;

import java.util.List;

/**
 * A recognition rule's conclusion: this error (or, with no error, this case) shows the symptom of a
 * known issue. The issue table turns each finding into a {@link Diagnosis} carrying the issue's
 * catalog id, title and source section, so recognition rules name only the issue id.
 */
public class Finding {
    private final String issue;
    private final SyncError error;
    private final String confidence;
    private final List<String> evidence;

    public Finding(String issue, SyncError error, String confidence, String... evidence) {
        this.issue = issue;
        this.error = error;
        this.confidence = confidence == null || confidence.isBlank() ? "high" : confidence;
        this.evidence = List.of(evidence);
    }

    /** A finding from the case context alone (status, counts), with no error text behind it. */
    public Finding(String issue, String confidence, String... evidence) {
        this(issue, null, confidence, evidence);
    }

    public String getIssue() { return issue; }
    public SyncError getError() { return error; }
    public String getErrorId() { return error == null ? null : error.getId(); }
    public String getConfidence() { return confidence; }
    public List<String> getEvidence() { return evidence; }

    @Override
    public String toString() {
        return "Finding[" + issue + (error == null ? "" : " on " + error.getId()) + ", " + confidence + "]";
    }
}
