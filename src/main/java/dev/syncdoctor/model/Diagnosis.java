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

    public String getIssue() { return issue; }
    public String getKb() { return kb; }
    public String getTitle() { return title; }
    public String getSection() { return section; }
    public String getCategory() { return category; }
    public String getRequiredRole() { return requiredRole; }
    public Finding getFinding() { return finding; }
    public SyncError getError() { return finding.getError(); }
    public String getErrorId() { return finding.getErrorId(); }
    public String getConfidence() { return finding.getConfidence(); }
    public List<String> getEvidence() { return finding.getEvidence(); }

    @Override
    public String toString() {
        return "Diagnosis[" + issue + " (" + kb + ")" + (getErrorId() == null ? "" : " on " + getErrorId()) + "]";
    }
}
