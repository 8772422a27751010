package dev.syncdoctor.ingest;

/**
 * A mistake in an input the user gave: which file (or "-" for stdin), where in it when known, and
 * what is wrong. {@link #getMessage()} renders it as one line, {@code file:line:col: reason}, leaving
 * out the parts that are not known.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    public InputException(String file, String message) {
        this(file, 0, 0, message);
    }

    /** Line and column are 1-based; 0 means unknown. */
    public InputException(String file, int line, int column, String message) {
        super(render(file, line, column, message));
        this.file = file;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
        this.reason = message == null ? "" : message;
    }

    InputException(String file, int line, int column, String message, Throwable cause) {
        this(file, line, column, message);
        initCause(cause);
    }

    private static String render(String file, int line, int column, String message) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isEmpty()) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        String m = message == null ? "" : message;
        // One line, whatever the cause said.
        sb.append(m.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        return sb.toString();
    }

    public String getFile() { return file; }
    public int getLine() { return line; }
    public int getColumn() { return column; }
    public String getReason() { return reason; }
}
