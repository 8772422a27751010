package dev.syncdoctor.model;

import java.util.Locale;

/** Which way a sync runs: from Finance and Operations to Dataverse, or back. */
public enum Direction {
    FO_TO_DV("FO->DV"), DV_TO_FO("DV->FO");

    /** The accepted values, for messages. */
    public static final String CHOICES = "FO->DV or DV->FO";

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The documented spelling: FO->DV or DV->FO. */
    public String label() {
        return label;
    }

    public Direction opposite() {
        return this == FO_TO_DV ? DV_TO_FO : FO_TO_DV;
    }

    /**
     * The direction users mean by what they write ("FO->DV", "fo -> dv", "AX->CRM", "F&O to Dataverse",
     * "Dataverse to FO", with an arrow or "to"); null for null, blank or anything else.
     */
    public static Direction parse(String raw) {
        if (raw == null) {
            return null;
        }
        String d = (" " + raw.trim().toUpperCase(Locale.ROOT) + " ").replace("\u2192", "->").replace(" TO ", "->").replace(" ", "");
        int arrow = d.indexOf("->");
        if (arrow < 0) {
            return null;
        }
        Direction from = from(d.substring(0, arrow));
        Direction to = from(d.substring(arrow + 2));
        if (from == null || to == null || from == to) {
            return null;
        }
        return from;
    }

    /** Like {@link #parse(String)}, but a value that is no direction is a mistake (decision-table cells, rules). */
    public static Direction of(String raw) {
        Direction d = parse(raw);
        if (d == null) {
            throw new IllegalArgumentException("'" + raw + "' is not " + CHOICES);
        }
        return d;
    }

    /**
     * The direction of a sync whose source is the named side ("AX", "FO", "F&O", "FinOps" for Finance
     * and Operations; "CRM", "CDS", "Dataverse", "DV", "CE" for Dataverse); null for another name.
     */
    public static Direction from(String side) {
        if (side == null) {
            return null;
        }
        switch (side.trim().toUpperCase(Locale.ROOT)) {
            case "FO":
            case "AX":
            case "F&O":
            case "FINOPS":
                return FO_TO_DV;
            case "DV":
            case "CRM":
            case "CDS":
            case "DATAVERSE":
            case "CE":
                return DV_TO_FO;
            default:
                return null;
        }
    }
}
