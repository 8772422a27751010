package dev.syncdoctor.knowledge;

/**
 * One problem in the knowledge base, located as precisely as the compiler allows.
 *
 * @param place where in the line, for people: a decision table's column header ({@code Phase}) or a DRL
 *              rule ({@code rule "queue 1"}); null when only the line is known
 * @param raw   the compiler's own words when {@code message} restates them for an analyst; null otherwise
 */
public record RuleProblem(String file, int line, int column, String message, boolean error, String place, String raw) {

    public RuleProblem(String file, int line, int column, String message, boolean error) {
        this(file, line, column, message, error, null, null);
    }

    /** A problem in one cell of a decision table: {@code file:row:header: message}. */
    static RuleProblem inCell(String file, int row, String header, String message) {
        return new RuleProblem(file, row, 0, message, true, header, null);
    }

    /** A problem in one DRL rule: {@code file:line: rule "name": message}. */
    static RuleProblem inRule(String file, int line, String rule, String message) {
        return new RuleProblem(file, line, 0, message, true, "rule \"" + rule + "\"", null);
    }

    /** The same problem said in other words, keeping the compiler's text for {@link #format(boolean)}. */
    RuleProblem restated(String message) {
        return new RuleProblem(file, line, column, message, error, place, raw != null ? raw : this.message);
    }

    /** {@code file:line:col message}, leaving out what is unknown; {@code file:row:header: message} in a table. */
    public String format() {
        return format(false);
    }

    /** As {@link #format()}; {@code verbose} adds the compiler's own text when the message restates it. */
    public String format(boolean verbose) {
        StringBuilder b = new StringBuilder(file == null ? "<rules>" : file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0 && place == null) {
                b.append(':').append(column);
            }
        }
        if (place != null) {
            b.append(place.startsWith("rule \"") ? ": " : ":").append(place).append(':');
        }
        b.append(' ').append(error ? "" : "warning: ").append(message);
        if (verbose && raw != null && !raw.equals(message)) {
            b.append(System.lineSeparator()).append("    compiler: ").append(raw);
        }
        return b.toString();
    }
}
