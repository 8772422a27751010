package dev.syncdoctor.ingest;

import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.Phase;
import dev.syncdoctor.model.Roles;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one canonicaliser of case-context values as people write them, for every way context arrives:
 * flags, JSON/YAML case files, CSV rows, example sidecars and the HTTP API. A value that means nothing
 * is an {@link IllegalArgumentException} whose message names the field and the accepted values; each
 * reader turns it into its own kind of error (usage error, input error with line, bad CSV row).
 */
public final class ContextValues {
    private static final Pattern SPACES = Pattern.compile("\\s++");
    private static final Pattern STATUS_SEPARATORS = Pattern.compile("[\\s_-]++");

    private ContextValues() {
    }

    /** initial, live, setup or start from "Initial sync", "live-sync", "set up", ...; null for null or blank. */
    public static Phase phase(String raw) {
        if (blank(raw)) {
            return null;
        }
        Phase p = Phase.parse(raw);
        if (p == null) {
            throw new IllegalArgumentException("phase: '" + raw.trim() + "' is not one of " + Phase.CHOICES);
        }
        return p;
    }

    /** FO->DV or DV->FO from "fo -> dv", "AX->CRM", "F&O to Dataverse", "Dataverse to FO", ...; null for null or blank. */
    public static Direction direction(String raw) {
        if (blank(raw)) {
            return null;
        }
        Direction d = Direction.parse(raw);
        if (d == null) {
            throw new IllegalArgumentException("direction: '" + raw.trim() + "' is not " + Direction.CHOICES);
        }
        return d;
    }

    /**
     * A map status with its spaces folded and the documented statuses spelt as the Dual-write page shows
     * them ("not-running", "NOT RUNNING" give "Not running"); another status is kept as written (the page
     * has more than the rules use). Null for null or blank.
     */
    public static String status(String raw) {
        if (blank(raw)) {
            return null;
        }
        String folded = STATUS_SEPARATORS.matcher(raw.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        switch (folded) {
            case "not running":
            case "notrunning":
                return "Not running";
            case "running":
                return "Running";
            case "initializing":
            case "initialising":
                return "Initializing";
            case "paused":
                return "Paused";
            default:
                return SPACES.matcher(raw.trim()).replaceAll(" ");
        }
    }

    /** A role as written, trimmed (aliases are folded where roles are compared, see {@link Roles}); null for blank. */
    public static String role(String raw) {
        return blank(raw) ? null : SPACES.matcher(raw.trim()).replaceAll(" ");
    }

    /** A map or other name, trimmed; null for blank. */
    public static String name(String raw) {
        return blank(raw) ? null : raw.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
