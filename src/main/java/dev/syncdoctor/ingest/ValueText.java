package dev.syncdoctor.ingest;

/**
 * A value read out of pasted prose (a record id, lookup value, field name, URL) without what the prose
 * put around it: enclosing quotes and brackets, sentence punctuation after it, a quote or bracket
 * left over from a pair that encloses more than the value. A quote or bracket that has its partner
 * inside the value ({@code eq 'V-1'}, {@code ACME (UK)}) belongs to it and stays.
 */
final class ValueText {
    private static final String SENTENCE_END = ".,;:!?";
    private static final String OPENERS = "([{<";
    private static final String CLOSERS = ")]}>";
    /** Values up to this long are peeled pair by pair (each step counts its quotes: bounded work). */
    private static final int MAX_PEELED = 2000;

    private ValueText() {
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String s = value.trim();
        if (s.length() > MAX_PEELED) {
            // Longer than any real value: only the sentence punctuation after it goes (one pass).
            int end = s.length();
            while (end > 0 && SENTENCE_END.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            return s.substring(0, end);
        }
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            int end = s.length();
            while (end > 0 && SENTENCE_END.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end < s.length()) {
                s = s.substring(0, end);
                changed = true;
                continue;
            }
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if (s.length() >= 2 && encloses(first, last) && balancedInside(s.substring(1, s.length() - 1), first, last)) {
                s = s.substring(1, s.length() - 1).trim();
                changed = true;
            } else if (isQuote(last) && count(s, last) % 2 == 1) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            } else if (isQuote(first) && count(s, first) % 2 == 1) {
                s = s.substring(1);
                changed = true;
            } else if (CLOSERS.indexOf(last) >= 0 && count(s, OPENERS.charAt(CLOSERS.indexOf(last))) < count(s, last)) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            } else if (OPENERS.indexOf(first) >= 0 && count(s, CLOSERS.charAt(OPENERS.indexOf(first))) < count(s, first)) {
                s = s.substring(1);
                changed = true;
            }
        }
        return s;
    }

    private static boolean encloses(char first, char last) {
        return (isQuote(first) && first == last) || (OPENERS.indexOf(first) >= 0 && CLOSERS.indexOf(first) < 0
                && CLOSERS.charAt(OPENERS.indexOf(first)) == last);
    }

    /** "(a) (b)" is not enclosed by its first and last bracket; "(a (b))" is. */
    private static boolean balancedInside(String inner, char open, char close) {
        if (open == close) {
            return inner.indexOf(open) < 0;
        }
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
