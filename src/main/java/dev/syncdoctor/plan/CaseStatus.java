package dev.syncdoctor.plan;

import java.util.Locale;

/** The verdict on one case, as the output contract names it. */
public enum CaseStatus {
    /** At least one known issue was recognised. */
    DIAGNOSED,
    /** Errors are present and none was recognised: said plainly, never guessed. */
    UNKNOWN,
    /** No error and the map is running. */
    HEALTHY,
    /** The input could not be read or the rules could not evaluate it; the result says why. */
    INVALID;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
