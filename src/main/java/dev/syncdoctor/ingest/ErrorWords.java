package dev.syncdoctor.ingest;

/**
 * Whether a piece of text reads like an error message: it holds a word error messages use ("error",
 * "failed", "cannot", "not found", ...). One allocation-free pass; shared by the line joiner (a comma
 * after error text goes on) and the extractor (user prose is not an error).
 */
final class ErrorWords {

    /** Words that make a line look like error text (lower case; substring match). */
    static final String[] WORDS = {
        "error", "fail", "exception", "unable", "cannot", "can not", "can't", "couldn't", "could not", "not found",
        "wasn't found", "mismatch", "denied", "refused", "forbidden", "invalid", "unauthorized",
        "bad request", "not allowed", "missing", "does not match", "not discoverable", "went wrong",
        "not a member", "stack trace", "exceeds", "timed out", "timeout"
    };
    /** The longest word, so a seam between two lines can be tested on its neighbourhood only. */
    static final int LONGEST = 20;

    /** The error words by their first letter, for one allocation-free pass over a line. */
    private static final String[][] BY_FIRST = new String[128][];

    static {
        for (String w : WORDS) {
            char f = w.charAt(0);
            String[] old = BY_FIRST[f];
            String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = w;
            BY_FIRST[f] = grown;
        }
    }

    private ErrorWords() {
    }

    /** Whether the text holds a word that error messages use (ignoring case). */
    static boolean in(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = lowerAscii(text.charAt(i));
            String[] words = c < 128 ? BY_FIRST[c] : null;
            if (words == null) {
                continue;
            }
            for (String w : words) {
                if (startsWithIgnoringCase(text, i, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code lowerWord} (ASCII, lower case) at {@code at} in {@code text}, ignoring the text's case. */
    private static boolean startsWithIgnoringCase(CharSequence text, int at, String lowerWord) {
        int len = lowerWord.length();
        if (at + len > text.length()) {
            return false;
        }
        for (int k = 1; k < len; k++) {
            if (lowerAscii(text.charAt(at + k)) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
