package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.syncdoctor.ingest.TextScan.*;

/**
 * One error from its one-line text, with every field the text shows: the HTTP status
 * ({@link HttpStatus}), the component ("X encountered an error"), the record form
 * ({@link RecordLine}), health-check and validation codes ({@code DWFOEV1006}, {@code DIPV1022}),
 * hexadecimal platform codes ({@code 0x80072560}) and the top stack frame.
 */
final class ShortMessage {

    static final Pattern CODES = Pattern.compile("\\b(DW[A-Z]{2}EV\\d{4}|DIPV\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern PLATFORM = Pattern.compile("\\b0x[0-9A-Fa-f]{8}\\b");

    /** An error from its (normalised, one-line) text, with every field the text shows. */
    static SyncError read(String text) {
        SyncError e = new SyncError(null, text);
        String lower = e.lowerMessage();
        HttpStatus.read(text, e);
        component(text, lower, e);
        RecordLine.read(text, lower, e);
        // Cheap literal checks first: most messages hold no code, and a regex scan of every message costs.
        if (lower.contains("dipv") || lower.contains("ev1") || lower.contains("ev0")) {
            Matcher m = CODES.matcher(text);
            while (m.find()) {
                String code = m.group(1).toUpperCase(Locale.ROOT);
                if (!e.hasCode(code)) {
                    e.addCode(code);
                }
            }
        }
        if (lower.contains("0x")) {
            Matcher m = PLATFORM.matcher(text);
            if (m.find()) {
                e.setPlatformCode(m.group());
            }
        }
        int st = indexOfAny(lower, 0, "stacktrace:", "stacktrace=", "stack trace:");
        String top = st >= 0 ? stackTop(text, st) : null;
        if (top == null) {
            int at = lower.indexOf(" at ");
            while (at >= 0 && top == null) {
                String frame = frameAt(text, at + 4);
                if (frame != null && frame.indexOf('.') > 0 && frame.indexOf('(') > 0) {
                    top = frame;
                }
                at = lower.indexOf(" at ", at + 1);
            }
        }
        e.setStackTop(top);
        return e;
    }

    static void component(String text, String lower, SyncError e) {
        int i = lower.indexOf(" encountered an error");
        if (i <= 0) {
            return;
        }
        int start = i;
        int words = 0;
        while (start > 0) {
            char c = text.charAt(start - 1);
            if (",;:()[].\"'{}".indexOf(c) >= 0) {
                break;
            }
            if (c == ' ' && ++words >= 5) {
                break;
            }
            start--;
        }
        String name = text.substring(start, i).trim();
        if (!name.isEmpty()) {
            e.setComponent(name + " encountered an error");
        }
    }

    /** The first frame after a "Stacktrace:" label at {@code label}. */
    static String stackTop(String text, int label) {
        int p = indexWithin(text, ':', label, 20);
        int eq = indexWithin(text, '=', label, 20);
        if (p < 0 || (eq >= 0 && eq < p)) {
            p = eq;
        }
        if (p < 0) {
            return null;
        }
        p++;
        while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '[')) {
            p++;
        }
        if (text.startsWith("at ", p)) {
            p += 3;
        }
        return frameAt(text, p);
    }

    /** The frame starting at p: a dotted name and, when present, its parameter list. */
    static String frameAt(String text, int p) {
        p = skipSpaces(text, p);
        int q = p;
        while (q < text.length() && text.charAt(q) != ' ' && text.charAt(q) != '(') {
            q++;
        }
        if (q == p) {
            return null;
        }
        if (q < text.length() && text.charAt(q) == '(') {
            int close = indexWithin(text, ')', q, 400);
            if (close > 0) {
                q = close + 1;
            }
        }
        String frame = text.substring(p, q);
        if (frame.indexOf('.') < 0) {
            return null;
        }
        return stripEnd(frame);
    }

    private ShortMessage() {
    }
}
