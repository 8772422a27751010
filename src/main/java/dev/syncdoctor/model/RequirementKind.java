package dev.syncdoctor.model;

import java.util.Locale;

/** What a fix needs before it can start: a role the user must hold, or a condition such as a second run. */
public enum RequirementKind {
    ROLE, CONDITION;

    /** The spelling of reports: role, condition. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
