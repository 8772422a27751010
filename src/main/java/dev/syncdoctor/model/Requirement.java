package dev.syncdoctor.model;

/** What a fix needs before it can start: a role, a credential, or a condition such as a second run. */
public class Requirement {
    public static final String ROLE = "role";
    public static final String CREDENTIAL = "credential";
    public static final String CONDITION = "condition";

    private final String kind;
    private final String name;
    private final String issue;
    private final boolean held;

    public Requirement(String kind, String name, String issue, boolean held) {
        this.kind = kind;
        this.name = name;
        this.issue = issue;
        this.held = held;
    }

    public String getKind() { return kind; }
    public String getName() { return name; }
    public String getIssue() { return issue; }
    public boolean isHeld() { return held; }

    @Override
    public String toString() {
        return "Requirement[" + kind + " " + name + " for " + issue + (held ? ", held" : ", missing") + "]";
    }
}
