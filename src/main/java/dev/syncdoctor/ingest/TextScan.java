package dev.syncdoctor.ingest;

/**
 * The string scanning the parsers of error text share (and {@code ErrorSignature}): bounded searches
 * forward and back, tokens, spaces, GUIDs. Every scan is linear or bounded per position, so parsing
 * stays linear in the text however hostile it is.
 */
public final class TextScan {

    /**
     * The next occurrence of a needle at or after a position, for callers whose positions only grow:
     * each part of the text is scanned once, however many times the caller asks.
     */
    public static final class Next {
        private final String s;
        private final String needle;
        private int scannedFrom = -1;
        private int at = -1;

        public Next(String s, String needle) {
            this.s = s;
            this.needle = needle;
        }

        public int from(int p) {
            if (scannedFrom < 0 || p < scannedFrom || (at >= 0 && at < p)) {
                scannedFrom = p;
                at = s.indexOf(needle, p);
            }
            return at;
        }
    }

    public static int nextOfAny(int from, Next... nexts) {
        int best = -1;
        for (Next n : nexts) {
            int i = n.from(from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    public static Next[] nexts(String s, String... needles) {
        Next[] out = new Next[needles.length];
        for (int k = 0; k < needles.length; k++) {
            out[k] = new Next(s, needles[k]);
        }
        return out;
    }

    /** The last occurrence of needle starting before {@code before} and at most {@code window} characters back, or -1. */
    public static int lastIndexWithin(String s, String needle, int before, int window) {
        for (int k = Math.min(before - 1, s.length() - needle.length()); k >= 0 && before - k <= window; k--) {
            if (s.startsWith(needle, k)) {
                return k;
            }
        }
        return -1;
    }

    /** The first c at or after from and at most max characters on, or -1: a scan that never runs to the end. */
    public static int indexWithin(String s, char c, int from, int max) {
        int end = (int) Math.min(s.length(), (long) from + max + 1);
        for (int k = Math.max(0, from); k < end; k++) {
            if (s.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    public static int indexOfAny(String s, int from, String... needles) {
        int best = -1;
        for (String n : needles) {
            int i = s.indexOf(n, from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The text in lower case with every character at its own index, so a position found in the copy
     * cuts the text itself ({@code toLowerCase} lengthens a few characters, such as a dotted capital I).
     */
    public static String lower(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.length() == text.length()) {
            return lower;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    public static boolean startsWithAny(String lower, String[] prefixes) {
        for (String p : prefixes) {
            if (lower.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    public static String startsWithAt(String text, int pos, String[] options) {
        for (String o : options) {
            if (text.regionMatches(true, pos, o, 0, o.length())) {
                return o;
            }
        }
        return null;
    }

    public static int tokenEnd(String text, int p) {
        int q = p;
        while (q < text.length() && text.charAt(q) != ' ') {
            q++;
        }
        return q;
    }

    public static String tokenAt(String text, int p) {
        return text.substring(Math.min(p, text.length()), tokenEnd(text, Math.min(p, text.length())));
    }

    /** Drops sentence punctuation glued to the end of a token. */
    public static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && ".,;".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    public static int skipSpaces(String s, int p) {
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    /** Whether the 36 characters at {@code i} are a GUID (8-4-4-4-12 hexadecimal digits). */
    public static boolean isGuidAt(String s, int i) {
        if (i < 0 || i + 36 > s.length()) {
            return false;
        }
        for (int k = 0; k < 36; k++) {
            char c = s.charAt(i + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private TextScan() {
    }
}
