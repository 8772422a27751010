package dev.syncdoctor.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines that frame an error rather than state one: the wrapper's own lines ("Dual write Initial sync
 * failed", "Message:", "ErrorsDetails:"), stack frames, mail headers and the note of the page a map
 * failed on ("Stop failed for Sales orders V3"). They never become errors of their own; what they say
 * about the case (the map name) is kept.
 */
final class ContextLines {

    /** Wrapper phrases and labels (lower case) that carry no error of their own. */
    private static final String[] FRAMING = {
        "dual write initial sync failed", "dual-write initial sync failed", "initial sync failed", "errorsdetails:",
        "errors details:", "errordetails:", "error details:", "message:", "stacktrace:", "stack trace:",
        "--- end of stack trace from previous location where exception was thrown ---",
        "--- end of stack trace from previous location ---", "--- end of inner exception stack trace ---"
    };

    /** Mail and ticket headers (lower case prefixes): the subject of a mail often repeats the error words. */
    private static final String[] HEADERS = {"from:", "sent:", "to:", "cc:", "subject:", "date:", "re:", "fw:", "fwd:"};

    /** "Stop failed for Sales orders V3": the notification of the Dual-write page for one map. */
    private static final Pattern MAP_ACTION = Pattern.compile(
            "^(?:Stop|Start|Pause|Resume|Run) failed for (?:the )?(?:map |table map )?([A-Z][A-Za-z0-9 ()_-]{0,79}?)(?: map)?(?=[.,;:\\[]|$)");

    private ContextLines() {
    }

    /** Whether a piece of text only frames errors: wrapper phrases, labels, stack frames, headers. */
    static boolean isContextOnly(String text) {
        String rest = text.trim();
        for (String h : HEADERS) {
            if (rest.regionMatches(true, 0, h, 0, h.length())) {
                return true;
            }
        }
        if (mapActionIsAll(rest)) {
            return true;
        }
        // One forward pass: each step consumes a framing phrase or a frame, or stops.
        int p = 0;
        int n = rest.length();
        while (p < n) {
            int next = -1;
            for (String f : FRAMING) {
                if (rest.regionMatches(true, p, f, 0, f.length())) {
                    next = p + f.length();
                    break;
                }
            }
            if (next < 0 && (rest.startsWith("at ", p) || rest.startsWith("in ", p))) {
                int end = frameEnd(rest, p + 3);
                next = end > p + 3 ? end : -1;
            }
            if (next < 0) {
                return false;
            }
            p = TextScan.skipSpaces(rest, next);
        }
        return true;
    }

    /** The map a "Stop failed for X" note names, or null. */
    static String mapOf(String text) {
        Matcher m = MAP_ACTION.matcher(text);
        return m.find() ? m.group(1).trim() : null;
    }

    /** "Stop failed for X." and nothing more. */
    private static boolean mapActionIsAll(String text) {
        Matcher m = MAP_ACTION.matcher(text);
        if (!m.find()) {
            return false;
        }
        String rest = text.substring(m.end()).trim();
        return rest.isEmpty() || rest.equals(".");
    }

    /** The end of a stack frame "a.b.C(d) in X:\p\f.cs:line 12" starting at p, or p when none. */
    private static int frameEnd(String s, int p) {
        int q = p;
        boolean dot = false;
        while (q < s.length() && s.charAt(q) != ' ' && s.charAt(q) != '(' && q - p < 400) {
            dot |= s.charAt(q) == '.';
            q++;
        }
        if (q == p || !dot) {
            return p;
        }
        if (q < s.length() && s.charAt(q) == '(') {
            int close = TextScan.indexWithin(s, ')', q, 400);
            if (close < 0) {
                return p;
            }
            q = close + 1;
        }
        if (s.startsWith(" in ", q)) {
            int line = s.substring(q, Math.min(s.length(), q + 400)).indexOf(":line ");
            if (line > 0) {
                line += q;
                q = line + 6;
                while (q < s.length() && Character.isDigit(s.charAt(q))) {
                    q++;
                }
            }
        }
        return q;
    }
}
