package dev.syncdoctor.model;

import java.util.Locale;

/** Phases of a plan, in plan order: prerequisites first, re-runs and checks last. */
public enum ActionPhase {
    PREREQUISITE, INVESTIGATE, FIX, RERUN, VERIFY;

    /** The spelling of reports and table cells: prerequisite, investigate, fix, rerun, verify. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
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
        throw new IllegalArgumentException("'" + name + "' is not one of prerequisite, investigate, fix, rerun, verify");
    }
}
