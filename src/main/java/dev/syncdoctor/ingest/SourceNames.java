package dev.syncdoctor.ingest;

/**
 * How records name the parts of an input: the cases of a CSV export, and the rows and lines of CSV
 * exports and JSON Lines. The readers name them so, and whatever matches records to inputs (resuming a
 * batch) asks here rather than knowing the spelling.
 */
public final class SourceNames {
    private SourceNames() {
    }

    /** The source name of one case of a CSV export: {@code file.csv#case}. */
    public static String caseOf(String file, String caseId) {
        return file + "#" + caseId;
    }

    /** The source name of one row of a CSV export or one line of JSON Lines: {@code file.csv:12}. */
    public static String lineOf(String file, long line) {
        return file + ":" + line;
    }

    /**
     * Whether the source {@code name} is the input {@code file} itself or a part of it named by
     * {@link #caseOf} (CSV exports) or {@link #lineOf} (CSV exports and JSON Lines).
     */
    public static boolean isPartOf(String name, String file) {
        if (name.equals(file)) {
            return true;
        }
        InputFormat format = InputFormat.of(file);
        boolean hasParts = format == InputFormat.CSV || format == InputFormat.JSON_LINES;
        if (!hasParts || !name.startsWith(file) || name.length() <= file.length() + 1) {
            return false;
        }
        char sep = name.charAt(file.length());
        if (sep == '#') {
            return format == InputFormat.CSV;
        }
        return sep == ':' && name.substring(file.length() + 1).chars().allMatch(Character::isDigit);
    }
}
