package dev.syncdoctor.model;

/** What a fix needs before it can start: a role, or a condition such as a second run. */
public class Requirement {
    /** Short names for rules: {@code new Requirement(Requirement.ROLE, ...)}, {@code kind == Requirement.ROLE}. */
    public static final RequirementKind ROLE = RequirementKind.ROLE;
    public static final RequirementKind CONDITION = RequirementKind.CONDITION;

    private final RequirementKind kind;
    private final String name;
    private final String issue;
    private final boolean held;

    public Requirement(RequirementKind kind, String name, String issue, boolean held) {
        this.kind = kind;
        this.name = name;
        this.issue = issue;
        this.held = held;
    }

    public RequirementKind getKind() { return kind; }
    public String getName() { return name; }
    public String getIssue() { return issue; }
    public boolean isHeld() { return held; }

    @Override
    public String toString() {
        return "Requirement[" + kind.label() + " " + name + " for " + issue + (held ? ", held" : ", missing") + "]";
    }
}
