package dev.syncdoctor.model;

import java.util.List;

/**
 * A recognition rule's conclusion: this error (or, with no error, this case) shows the symptom of a
 * known issue. The issue table turns each finding into a {@link Diagnosis} carrying the issue's
 * catalog id, title and source section, so recognition rules name only the issue id.
 */
public class Finding {
    private static final java.util.regex.Pattern EVIDENCE_SEPARATOR = java.util.regex.Pattern.compile("\\s*+;\\s*+");

    private final String issue;
    private final SyncError error;
    private final Confidence confidence;
    private final List<String> evidence;

    public Finding(String issue, SyncError error, Confidence confidence, String... evidence) {
        this.issue = issue;
        this.error = error;
        this.confidence = confidence == null ? Confidence.HIGH : confidence;
        this.evidence = List.of(evidence);
    }

    /** As rules write it: the confidence by its label ("high", "medium"); another word is a mistake that fails the rule. */
    public Finding(String issue, SyncError error, String confidence, String... evidence) {
        this(issue, error, Confidence.of(confidence), evidence);
    }

    /** A finding from the case context alone (status, counts), with no error text behind it. */
    public Finding(String issue, String confidence, String... evidence) {
        this(issue, null, Confidence.of(confidence), evidence);
    }

    public Finding(String issue, Confidence confidence, String... evidence) {
        this(issue, null, confidence, evidence);
    }

    /** Starts a finding for an error; the recognition table fills it column by column (see rules/recognition/errors.drl.csv). */
    public static Draft draft(String issue, SyncError error) {
        return new Draft(issue, error);
    }

    /** A finding being described, so a decision-table row can set one field per column. */
    public static final class Draft {
        private final String issue;
        private final SyncError error;
        private Confidence confidence = Confidence.HIGH;

        private Draft(String issue, SyncError error) {
            this.issue = issue;
            this.error = error;
        }

        public Draft confidence(Confidence confidence) {
            this.confidence = confidence;
            return this;
        }

        /** For recognition tables written before the confidence was typed: by its label (see {@link Confidence#of}). */
        public Draft confidence(String confidence) {
            return confidence(Confidence.of(confidence));
        }

        /** The evidence comes last and completes the finding; several pieces are separated by "; ". */
        public Finding evidence(String evidence) {
            String[] parts = evidence == null ? new String[0] : EVIDENCE_SEPARATOR.split(evidence);
            return new Finding(issue, error, confidence, parts);
        }
    }

    public String getIssue() { return issue; }
    public SyncError getError() { return error; }
    public String getErrorId() { return error == null ? null : error.getId(); }
    public Confidence getConfidence() { return confidence; }
    public List<String> getEvidence() { return evidence; }

    @Override
    public String toString() {
        return "Finding[" + issue + (error == null ? "" : " on " + error.getId()) + ", " + confidence.label() + "]";
    }
}
