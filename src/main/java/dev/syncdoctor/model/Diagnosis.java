package dev.syncdoctor.model;

import java.util.List;

/** A known issue recognised in a case, with the catalog entry and source section behind it. */
public class Diagnosis {
    private final String issue;
    private final String kb;
    private final String title;
    private final String section;
    private final String category;
    /** Role needed to carry out the fix; null when the sources state none. */
    private final String requiredRole;
    private final Finding finding;

    public Diagnosis(Finding finding, String kb, String title, String section, String category, String requiredRole) {
        this.finding = finding;
        this.issue = finding.getIssue();
        this.kb = kb;
        this.title = title;
        this.section = section;
        this.category = category;
        this.requiredRole = requiredRole == null || requiredRole.isBlank() ? null : requiredRole.trim();
    }

    /** Starts a diagnosis for a finding; the issue table fills it column by column (see rules/issues.drl.csv). */
    public static Draft draft(Finding finding, String kb) {
        return new Draft(finding, kb);
    }

    /** A diagnosis being described, so a decision-table row can set one field per column. */
    public static final class Draft {
        private final Finding finding;
        private final String kb;
        private String section;
        private String category;
        private String requiredRole;

        private Draft(Finding finding, String kb) {
            this.finding = finding;
            this.kb = kb;
        }

        public Draft section(String section) {
            this.section = section;
            return this;
        }

        public Draft category(String category) {
            this.category = category;
            return this;
        }

        public Draft role(String role) {
            this.requiredRole = role;
            return this;
        }

        /** The title comes last and completes the diagnosis. */
        public Diagnosis title(String title) {
            return new Diagnosis(finding, kb, title, section, category, requiredRole);
        }
    }

    public String getIssue() { return issue; }
    public String getKb() { return kb; }
    public String getTitle() { return title; }
    public String getSection() { return section; }
    public String getCategory() { return category; }
    public String getRequiredRole() { return requiredRole; }
    public Finding getFinding() { return finding; }
    public SyncError getError() { return finding.getError(); }
    public String getErrorId() { return finding.getErrorId(); }
    public Confidence getConfidence() { return finding.getConfidence(); }
    public List<String> getEvidence() { return finding.getEvidence(); }

    @Override
    public String toString() {
        return "Diagnosis[" + issue + " (" + kb + ")" + (getErrorId() == null ? "" : " on " + getErrorId()) + "]";
    }
}
