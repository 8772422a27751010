package dev.syncdoctor.model;

/**
 * One step of a fix, as a rule states it: for which issue, in which phase, in which order within the
 * issue, what to do and why. Texts may hold placeholders ({map}, {field}, {value}, {url}, {entity},
 * {record}, {role}) that the plan fills from the error and case behind the diagnosis.
 */
public class Action {
    private final String issue;
    private final ActionPhase phase;
    private final int order;
    private final String text;
    private final String because;
    /** The diagnosis this step belongs to; gives placeholders their values. Null for case-wide steps. */
    private final Diagnosis diagnosis;

    /** As rules write it: the phase by its label ("fix", "investigate"); another word is a mistake that fails the rule. */
    public Action(String issue, String phase, int order, String text, String because) {
        this(issue, ActionPhase.of(phase), order, text, because, null);
    }

    public Action(String issue, ActionPhase phase, int order, String text, String because) {
        this(issue, phase, order, text, because, null);
    }

    public Action(Diagnosis diagnosis, String phase, int order, String text, String because) {
        this(diagnosis.getIssue(), ActionPhase.of(phase), order, text, because, diagnosis);
    }

    public Action(Diagnosis diagnosis, ActionPhase phase, int order, String text, String because) {
        this(diagnosis.getIssue(), phase, order, text, because, diagnosis);
    }

    private Action(String issue, ActionPhase phase, int order, String text, String because, Diagnosis diagnosis) {
        this.issue = issue;
        this.phase = phase;
        this.order = order;
        this.text = text;
        this.because = because;
        this.diagnosis = diagnosis;
    }

    /** Starts a step of a diagnosis' plan; the step table fills it column by column (see rules/steps.drl.csv). */
    public static Draft draft(Diagnosis diagnosis, ActionPhase phase) {
        return new Draft(diagnosis, phase);
    }

    /** For step tables written before the phase was typed: the phase by its label (see {@link ActionPhase#of}). */
    public static Draft draft(Diagnosis diagnosis, String phase) {
        return new Draft(diagnosis, ActionPhase.of(phase));
    }

    /** A step being described, so a decision-table row can set one field per column. */
    public static final class Draft {
        private final Diagnosis diagnosis;
        private final ActionPhase phase;
        private int order;
        private String because;

        private Draft(Diagnosis diagnosis, ActionPhase phase) {
            this.diagnosis = diagnosis;
            this.phase = phase;
        }

        public Draft order(int order) {
            this.order = order;
            return this;
        }

        public Draft because(String because) {
            this.because = because;
            return this;
        }

        /** The text comes last and completes the step. */
        public Action text(String text) {
            return new Action(diagnosis, phase, order, text, because);
        }
    }

    public String getIssue() { return issue; }
    public ActionPhase getPhase() { return phase; }
    public int getOrder() { return order; }
    public String getText() { return text; }
    public String getBecause() { return because; }
    public Diagnosis getDiagnosis() { return diagnosis; }

    @Override
    public String toString() {
        return "Action[" + issue + " " + phase.label() + "#" + order + ": " + text + "]";
    }
}
