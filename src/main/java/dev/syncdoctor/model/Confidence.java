package dev.syncdoctor.model;

import java.util.Locale;

/** How sure a recognition rule is that its finding is the issue, strongest first. */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    /** The spelling of reports and table cells: high, medium, low. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStrongerThan(Confidence other) {
        return other == null || ordinal() < other.ordinal();
    }

    /** high, medium or low in any case; blank means high (a rule that says nothing is sure). */
    public static Confidence of(String raw) {
        if (raw == null || raw.isBlank()) {
            return HIGH;
        }
        for (Confidence c : values()) {
            if (c.label().equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + raw + "' is not one of high, medium, low");
    }
}
