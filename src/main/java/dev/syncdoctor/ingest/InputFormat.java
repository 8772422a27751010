package dev.syncdoctor.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The input formats and the one list of the file names that carry them. Every place that asks "is
 * this file an input, and of which format" ({@code diagnose}, {@code batch} folders, {@code rules
 * test} examples, the HTTP upload) asks here.
 */
public enum InputFormat {
    /** Raw error text as pasted: {@code .txt}, {@code .log}. */
    TEXT(".txt", ".log"),
    /** A JSON case file. */
    JSON(".json"),
    /** A YAML case file. */
    YAML(".yaml", ".yml"),
    /** A CSV export: one row per error, rows grouped by case id. */
    CSV(".csv"),
    /** One JSON case per line. */
    JSON_LINES(".jsonl");

    /** Expected results beside a raw-text example; never an input of their own. */
    public static final String SIDECAR_SUFFIX = ".expected.json";

    private final List<String> extensions;

    InputFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The format a file name says, or null when its extension is none of the known ones. */
    public static InputFormat byName(String fileName) {
        String n = lastSegment(fileName).toLowerCase(Locale.ROOT);
        for (InputFormat f : values()) {
            for (String ext : f.extensions) {
                if (n.endsWith(ext) && n.length() > ext.length()) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The format of a file named by the user: by its extension, and raw text for any other name (a
     * file named on the command line is always read).
     */
    public static InputFormat of(String fileName) {
        InputFormat f = byName(fileName);
        return f == null ? TEXT : f;
    }

    /** Whether a file found in a folder is an input: a known extension, not a sidecar, not hidden. */
    public static boolean isInputName(String fileName) {
        String n = lastSegment(fileName).toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && !n.endsWith(SIDECAR_SUFFIX) && byName(n) != null;
    }

    /**
     * The one file-stem function: the last path segment (a {@code #case} suffix dropped) without its
     * extension, "case" when nothing is left. "facts/examples/bad-request.txt" gives "bad-request".
     */
    public static String stem(String fileName) {
        String name = lastSegment(fileName == null ? "" : fileName);
        int hash = name.indexOf('#');
        if (hash >= 0) {
            name = name.substring(0, hash);
        }
        int dot = name.lastIndexOf('.');
        String id = dot > 0 ? name.substring(0, dot) : name;
        return id.isEmpty() ? "case" : id;
    }

    private static String lastSegment(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
