package dev.syncdoctor.model;

import java.util.Locale;

/**
 * Phases of a plan, in plan order: prerequisites first, re-runs and checks after the fix, and last what to
 * do if the plan did not resolve the issue (the documented next procedure).
 */
public enum ActionPhase {
    PREREQUISITE, INVESTIGATE, FIX, RERUN, VERIFY, IF_UNRESOLVED;

    /** The spelling of reports and table cells: prerequisite, investigate, fix, rerun, verify, if-unresolved. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A phase by its label in any case; blank means fix. */
    public static ActionPhase of(String name) {
        if (name == null || name.isBlank()) {
            return FIX;
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ActionPhase p : values()) {
            if (p.label().equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "'" + name + "' is not one of prerequisite, investigate, fix, rerun, verify, if-unresolved");
    }
}
