package dev.syncdoctor.model;

import java.util.Locale;

/** Where in a map's life an error was seen. Spelt in case files, flags, CSV rows and table cells by {@link #label()}. */
public enum Phase {
    INITIAL, LIVE, SETUP, START;

    /** The spelling users and case files use: initial, live, setup, start. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The phase users mean by what they write ("Initial sync", "live-sync", "set up", "map start");
     * null for null, blank or anything else.
     */
    public static Phase parse(String raw) {
        if (raw == null) {
            return null;
        }
        String p = raw.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (p.endsWith(" sync")) {
            p = p.substring(0, p.length() - 5).trim();
        }
        switch (p) {
            case "initial":
                return INITIAL;
            case "live":
                return LIVE;
            case "setup":
            case "set up":
                return SETUP;
            case "start":
            case "map start":
                return START;
            default:
                return null;
        }
    }

    /** Like {@link #parse(String)}, but a value that is no phase is a mistake (decision-table cells, rules). */
    public static Phase of(String raw) {
        Phase p = parse(raw);
        if (p == null) {
            throw new IllegalArgumentException("'" + raw + "' is not one of " + CHOICES);
        }
        return p;
    }

    /** The accepted values, for messages. */
    public static final String CHOICES = "initial, live, setup, start";
}
