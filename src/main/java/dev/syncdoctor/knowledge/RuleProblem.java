package dev.syncdoctor.knowledge;

/** One problem in the knowledge base, located as precisely as the compiler allows. */
public record RuleProblem(String file, int line, int column, String message, boolean error) {

    /** {@code file:line:col message}, leaving out what is unknown. */
    public String format() {
        StringBuilder b = new StringBuilder(file == null ? "<rules>" : file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(' ').append(error ? "" : "warning: ").append(message).toString();
    }
}
