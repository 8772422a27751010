package dev.syncdoctor.ingest;

import java.util.ArrayList;
import java.util.List;

import static dev.syncdoctor.ingest.TextScan.*;

/**
 * Cuts a normalised text into the units that each hold one error. Paragraphs (blank-line separated)
 * are cut into lines; the lines of an initial-sync wrapper ("Dual write Initial Sync completed with
 * status: ... Executed leg: ... Message: ... Stacktrace: ...") stay together, as do lines that only
 * carry on the previous error ("Try this URL(s)...", "Session ID: ...", stack frames). Each unit is cut
 * again where a new error visibly starts inside it (a wrapper, "On the X, the following error", a
 * second "Couldn't resolve the guid").
 */
final class Segmenter {

    /** Lines that carry on the error before them rather than start a new one (lower case prefixes). */
    private static final String[] ATTACHMENTS = {
        "session id:", "root activity id:", "activity id:", "correlation id:", "request id:", "timestamp:",
        "try this url", "the lookup value was", "the lookup was", "the lookup wasn't", "record id:",
        "errormessage:", "stacktrace", "stack trace:", "--- end of stack trace", "at ", "in ", "required version:",
        "error details:", "inner exception", "verboseerror"
    };

    /** Starts of the lines an initial-sync wrapper is made of (lower case prefixes). */
    private static final String[] WRAPPER_PARTS = {
        "executed leg", "with exported", "exported records count", "importrecords", "errorsdetails",
        "errors details", "errordetails", "error details", "dual write initial sync failed",
        "dual-write initial sync failed", "message:", "stacktrace", "stack trace", "at ", "in ", "---",
        "end of stack trace"
    };

    /** A unit of text that holds one error, or one initial-sync wrapper (which may hold several). */
    static final class Piece {
        final String text;
        /** The text in lower case, index for index ({@link TextScan#lower}). */
        final String lower;
        final boolean wrapper;

        Piece(String text, String lower, boolean wrapper) {
            this.text = text;
            this.lower = lower;
            this.wrapper = wrapper;
        }
    }

    /** The units of a normalised text, in order. */
    static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder unit = null;
        StringBuilder unitLower = null; // the unit in lower case, built with it so no unit is lowered twice
        boolean unitWrapper = false;
        String previousLine = "";
        for (String line : text.split("\n", -1)) {
            line = line.trim();
            if (line.isEmpty()) {
                if (unit != null) {
                    cut(unit.toString(), unitLower.toString(), unitWrapper, pieces);
                    unit = null;
                }
                previousLine = "";
                continue;
            }
            String lower = lower(line);
            boolean startsWrapper = lower.contains("initial sync completed with status") || lower.startsWith("executed leg:")
                    || lower.startsWith("dual write initial sync failed") || lower.startsWith("dual-write initial sync failed");
            boolean carriesOn = unit != null && !startsWrapper && (unitWrapper
                    ? isWrapperPart(lower, line, previousLine)
                    : startsWithAny(lower, ATTACHMENTS) || isFrame(line));
            if (carriesOn) {
                unit.append(' ').append(line);
                unitLower.append(' ').append(lower);
            } else {
                if (unit != null) {
                    cut(unit.toString(), unitLower.toString(), unitWrapper, pieces);
                }
                unit = new StringBuilder(line);
                unitLower = new StringBuilder(lower);
                unitWrapper = startsWrapper;
            }
            previousLine = line;
        }
        if (unit != null) {
            cut(unit.toString(), unitLower.toString(), unitWrapper, pieces);
        }
        return pieces;
    }

    private static boolean isWrapperPart(String lower, String line, String previousLine) {
        if (startsWithAny(lower, WRAPPER_PARTS) || isFrame(line)) {
            return true;
        }
        return endsWithIgnoringCase(previousLine, " at") || endsWithIgnoringCase(previousLine, "stacktrace:")
                || endsWithIgnoringCase(previousLine, "message:") || endsWithIgnoringCase(previousLine, "errorsdetails:")
                || endsWithIgnoringCase(previousLine, "details:");
    }

    private static boolean endsWithIgnoringCase(String s, String lowerSuffix) {
        return s.regionMatches(true, s.length() - lowerSuffix.length(), lowerSuffix, 0, lowerSuffix.length());
    }

    /** A stack frame such as "Microsoft.Foo.Bar.<Baz>d__16.MoveNext()". */
    private static boolean isFrame(String line) {
        int paren = line.indexOf('(');
        if (paren <= 0 || paren > 400) {
            return false;
        }
        boolean dot = false;
        for (int i = 0; i < paren; i++) {
            char c = line.charAt(i);
            if (c == '.') {
                dot = true;
            } else if (!(Character.isLetterOrDigit(c) || c == '_' || c == '<' || c == '>' || c == '`' || c == '$')) {
                return false;
            }
        }
        return dot;
    }

    private static boolean startsWithAny(String lower, String[] prefixes) {
        for (String p : prefixes) {
            if (lower.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Cuts a unit where a new error visibly starts inside it. */
    private static void cut(String unit, String lower, boolean unitWrapper, List<Piece> out) {
        List<int[]> anchors = new ArrayList<>(); // {position, kind}: 1 wrapper, 2 "On the", 3 "Couldn't resolve"
        int from = 0;
        while (true) {
            int i = lower.indexOf("initial sync completed with status", from);
            if (i < 0) {
                break;
            }
            int start = i;
            if (lower.startsWith("dual write ", i - 11)) {
                start = i - 11;
            } else if (lower.startsWith("dual-write ", i - 11)) {
                start = i - 11;
            }
            anchors.add(new int[] {start, 1});
            from = i + 1;
        }
        if (!unitWrapper && anchors.isEmpty()) {
            from = 0;
            while (true) {
                int i = lower.indexOf(", the following error", from);
                if (i < 0) {
                    break;
                }
                int on = lastIndexWithin(lower, "on the ", i, 120);
                if (on >= 0) {
                    anchors.add(new int[] {on, 2});
                }
                from = i + 1;
            }
            for (String resolve : new String[] {"couldn't resolve the guid", "could not resolve the guid"}) {
                for (int i = lower.indexOf(resolve); i >= 0; i = lower.indexOf(resolve, i + 1)) {
                    // "On the Customers V3, Couldn't resolve ...": the map in front belongs to this error.
                    int lead = i >= 2 && lower.startsWith(", ", i - 2) ? RecordLine.mapLeadStart(unit, lower, i - 2) : -1;
                    anchors.add(new int[] {lead >= 0 ? lead : i, 3});
                }
            }
            anchors.sort((a, b) -> Integer.compare(a[0], b[0]));
        }
        if (anchors.isEmpty()) {
            out.add(new Piece(unit, lower, unitWrapper));
            return;
        }
        int pieceStart = 0;
        boolean pieceWrapper = unitWrapper;
        int pieceKind = unitWrapper ? 1 : 0;
        boolean resolveSeen = false;
        for (int[] a : anchors) {
            int pos = a[0];
            int kind = a[1];
            if (kind == 3 && pieceKind == 2 && !resolveSeen) {
                resolveSeen = true; // the "Couldn't resolve" of this "On the ..." record
                continue;
            }
            if (pos > pieceStart) {
                addPiece(unit, lower, pieceStart, pos, pieceWrapper, out);
            } else if (pos < pieceStart) {
                continue;
            }
            pieceStart = pos;
            pieceKind = kind;
            pieceWrapper = kind == 1;
            resolveSeen = kind == 3;
        }
        addPiece(unit, lower, pieceStart, unit.length(), pieceWrapper, out);
    }

    /** The trimmed text between from and to, with its lower-case copy (trimming cuts both alike). */
    private static void addPiece(String unit, String lower, int from, int to, boolean wrapper, List<Piece> out) {
        while (from < to && unit.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && unit.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from < to) {
            out.add(new Piece(unit.substring(from, to), lower.substring(from, to), wrapper));
        }
    }

    /** The text on one line, runs of spaces and line breaks as one space. */
    static String flatten(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == ' ') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private Segmenter() {
    }
}
