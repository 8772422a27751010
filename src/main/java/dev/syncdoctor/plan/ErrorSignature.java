package dev.syncdoctor.plan;

import dev.syncdoctor.ingest.TextScan;

/**
 * The shape of an error message with its variable parts masked (URLs, paths, GUIDs, hex codes, record
 * ids, quoted values, entity names, numbers), so the same unknown error from many environments groups
 * as one. One pass over at most {@value #MAX_SCAN} characters: batches compute a signature for every
 * unexplained error, so this stays linear and allocation-light (no regular expressions).
 */
public final class ErrorSignature {
    private static final int MAX_LENGTH = 300;
    private static final int MAX_SCAN = 4 * MAX_LENGTH;
    private static final int MAX_QUOTED = 200;
    private static final int MAX_RECORD = 80;
    private static final String RECORD_ID = "Record Id: ";
    private static final String[] FILTER_WORDS = {" eq ", " ne ", " and ", " or "};

    private ErrorSignature() {
    }

    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String s = message.length() > MAX_SCAN ? message.substring(0, MAX_SCAN) : message;
        int n = s.length();
        StringBuilder out = new StringBuilder(Math.min(n, MAX_LENGTH + 16));
        int i = 0;
        while (i < n && out.length() <= MAX_LENGTH) {
            char c = s.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (out.length() > 0 && i < n) {
                    out.append(' ');
                }
                continue;
            } else if ((end = url(s, i)) > i) {
                out.append("<url>");
            } else if ((end = windowsPath(s, i)) > i) {
                out.append("<path>");
            } else if ((end = guid(s, i)) > i) {
                out.append("<guid>");
            } else if ((end = hex(s, i)) > i) {
                out.append("<hex>");
            } else if ((end = recordId(s, i)) > i) {
                out.append(RECORD_ID).append("<record>");
            } else if ((end = quoted(s, i)) > i) {
                out.append("<value>");
            } else if ((end = entity(s, i)) > i) {
                out.append("<entity>");
            } else if ((end = number(s, i)) > i) {
                out.append("<n>");
            } else if (isWordChar(c) && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
                end = i;
                while (end < n && isWordChar(s.charAt(end))) {
                    end++;
                }
                out.append(s, i, end);
            } else {
                out.append(c);
                end = i + 1;
            }
            i = end;
        }
        String sig = out.toString().trim();
        return sig.length() > MAX_LENGTH ? sig.substring(0, MAX_LENGTH) + "..." : sig;
    }

    /** "https://..." up to a space, with the OData filter clauses after it (" eq 'CN-001'"). */
    private static int url(String s, int i) {
        if (!(s.startsWith("https://", i) || s.startsWith("http://", i))) {
            return i;
        }
        int end = nonSpaceEnd(s, i);
        boolean more = true;
        while (more) {
            more = false;
            for (String w : FILTER_WORDS) {
                if (s.startsWith(w, end) && end + w.length() < s.length() && !Character.isWhitespace(s.charAt(end + w.length()))) {
                    end = nonSpaceEnd(s, end + w.length());
                    more = true;
                    break;
                }
            }
        }
        return end;
    }

    /** "X:\bt\123\a.cs:line 265": a Windows path, with the line number of a stack frame. */
    private static int windowsPath(String s, int i) {
        if (i + 2 >= s.length() || !isAsciiLetter(s.charAt(i)) || s.charAt(i + 1) != ':' || s.charAt(i + 2) != '\\') {
            return i;
        }
        int end = nonSpaceEnd(s, i);
        if (s.startsWith(":line", end - 5) && end + 1 < s.length() && s.charAt(end) == ' ' && isDigit(s.charAt(end + 1))) {
            end++;
            while (end < s.length() && isDigit(s.charAt(end))) {
                end++;
            }
        }
        return end;
    }

    private static int guid(String s, int i) {
        return boundaryBefore(s, i) && TextScan.isGuidAt(s, i) && boundaryAfter(s, i + 36) ? i + 36 : i;
    }

    private static int hex(String s, int i) {
        if (!boundaryBefore(s, i) || !s.startsWith("0x", i)) {
            return i;
        }
        int end = i + 2;
        while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) {
            end++;
        }
        return end > i + 2 && boundaryAfter(s, end) ? end : i;
    }

    /** "Record Id: new record" up to the next comma. */
    private static int recordId(String s, int i) {
        if (!s.regionMatches(true, i, RECORD_ID, 0, RECORD_ID.length())) {
            return i;
        }
        int start = i + RECORD_ID.length();
        int end = start;
        while (end < s.length() && end - start < MAX_RECORD && s.charAt(end) != ',') {
            end++;
        }
        return end > start ? end : i;
    }

    private static int quoted(String s, int i) {
        char q = s.charAt(i);
        if (q != '\'' && q != '"') {
            return i;
        }
        for (int end = i + 1; end < s.length() && end - i <= MAX_QUOTED + 1; end++) {
            char c = s.charAt(end);
            if (c == q) {
                // An apostrophe inside a word ("Couldn't") is not a quote.
                return q == '\'' && i > 0 && Character.isLetter(s.charAt(i - 1)) ? i : end + 1;
            }
            if (c == '\n') {
                return i;
            }
        }
        return i;
    }

    /** "msdyn_vendors", "msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber": letters, then an underscore. */
    private static int entity(String s, int i) {
        if (!boundaryBefore(s, i) || !isAsciiLetter(s.charAt(i))) {
            return i;
        }
        int end = i;
        while (end < s.length() && isAsciiLetter(s.charAt(end))) {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != '_') {
            return i;
        }
        while (end < s.length() && isWordChar(s.charAt(end))) {
            end++;
        }
        while (end + 1 < s.length() && s.charAt(end) == '.' && isWordChar(s.charAt(end + 1))) {
            end++;
            while (end < s.length() && isWordChar(s.charAt(end))) {
                end++;
            }
        }
        return end;
    }

    /** "4711", "2.0.133", "V-100", "2026-11-20": up to four capitals, a dash, then digits and separators. */
    private static int number(String s, int i) {
        if (!boundaryBefore(s, i)) {
            return i;
        }
        int p = i;
        while (p < s.length() && p - i < 4 && s.charAt(p) >= 'A' && s.charAt(p) <= 'Z') {
            p++;
        }
        if (p < s.length() && s.charAt(p) == '-') {
            p++;
        }
        if (p >= s.length() || !isDigit(s.charAt(p))) {
            return i;
        }
        int end = p;
        while (end < s.length() && (isDigit(s.charAt(end)) || ".,:-".indexOf(s.charAt(end)) >= 0)) {
            end++;
        }
        while (end > p && !isDigit(s.charAt(end - 1))) {
            end--; // a trailing separator belongs to the sentence ("code 4711.")
        }
        return boundaryAfter(s, end) ? end : i;
    }

    private static int nonSpaceEnd(String s, int i) {
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean boundaryBefore(String s, int i) {
        return i == 0 || !isWordChar(s.charAt(i - 1));
    }

    private static boolean boundaryAfter(String s, int end) {
        return end >= s.length() || !isWordChar(s.charAt(end));
    }

    private static boolean isWordChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
