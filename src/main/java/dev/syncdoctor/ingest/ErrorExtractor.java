package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.model.SyncLeg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the errors in a normalised text (see {@link TextNormaliser}) and reads their structured parts.
 *
 * <p>Segmentation: paragraphs (blank-line separated) are cut into lines; the lines of an initial-sync
 * wrapper ("Dual write Initial Sync completed with status: ... Executed leg: ... Message: ...
 * Stacktrace: ...") stay together, as do lines that only carry on the previous error ("Try this
 * URL(s)...", "Session ID: ...", stack frames). Each unit is cut again where a new error visibly starts
 * inside it (a wrapper, "On the X, the following error", a second "Couldn't resolve the guid"). Units
 * that do not look like error text (user prose) are dropped, unless nothing in the text looks like an
 * error: then the whole text is one error, so nothing the user brought is lost.
 *
 * <p>Fields read: HTTP status and reason from {@code (403) Forbidden}, {@code 403 (Forbidden)},
 * {@code [Forbidden]}, {@code status code BadRequest}, {@code "status":403}; the component from
 * "X encountered an error"; map, record id, lookup field and value, check URLs (an OData filter's
 * {@code eq 'value'} included) and entity set from the record form; health-check and validation codes
 * ({@code DWFOEV1006}, {@code DIPV1022}); hexadecimal platform codes ({@code 0x80072560}); the top stack
 * frame. Stateless and thread-safe; every scan is linear or bounded per position.
 */
public final class ErrorExtractor {

    private static final Pattern PAREN_CODE = Pattern.compile("\\(([1-5]\\d\\d)\\) ?([A-Za-z][A-Za-z ]{0,40})?");
    private static final Pattern CODE_PAREN = Pattern.compile("(?<![\\d.])\\b([1-5]\\d\\d) \\(([A-Za-z][A-Za-z ]{0,40})\\)");
    private static final Pattern STATUS_WORD = Pattern.compile(
            "status code:? ?(BadRequest|Unauthorized|Forbidden|NotFound|MethodNotAllowed|RequestTimeout|Conflict"
                    + "|PreconditionFailed|TooManyRequests|InternalServerError|BadGateway|ServiceUnavailable|GatewayTimeout)\\b");
    private static final Pattern JSON_STATUS = Pattern.compile("\"status\\\\?\" ?: ?([1-5]\\d\\d)\\b");
    private static final Pattern BRACKET_REASON = Pattern.compile("\\[([A-Z][A-Za-z]{1,20}(?: [A-Z][A-Za-z]{1,20}){0,3})\\]");
    private static final Pattern CODES = Pattern.compile("\\b(DW[A-Z]{2}EV\\d{4}|DIPV\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLATFORM = Pattern.compile("\\b0x[0-9A-Fa-f]{8}\\b");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final Pattern MAP_PREFIX = Pattern.compile(
            "^([A-Z][A-Za-z0-9]{0,40}(?: [A-Za-z0-9]{1,40}){0,5}) \\(([a-z][a-z0-9_]{1,80})\\) ?: ");
    private static final Pattern ENTITY_SET = Pattern.compile("/api/data/v\\d+(?:\\.\\d+){0,3}/([A-Za-z_][A-Za-z0-9_]{0,100})");
    private static final Pattern URL_EQ_VALUE = Pattern.compile(" eq '([^']{1,200})'");

    private static final Map<Integer, String> REASONS = new LinkedHashMap<>();
    private static final Map<String, Integer> REASON_CODES = new LinkedHashMap<>();

    static {
        reason(400, "Bad Request");
        reason(401, "Unauthorized");
        reason(403, "Forbidden");
        reason(404, "Not Found");
        reason(405, "Method Not Allowed");
        reason(408, "Request Timeout");
        reason(409, "Conflict");
        reason(412, "Precondition Failed");
        reason(429, "Too Many Requests");
        reason(500, "Internal Server Error");
        reason(502, "Bad Gateway");
        reason(503, "Service Unavailable");
        reason(504, "Gateway Timeout");
    }

    private static void reason(int code, String phrase) {
        REASONS.put(code, phrase);
        REASON_CODES.put(phrase.toLowerCase(Locale.ROOT), code);
        REASON_CODES.put(phrase.replace(" ", "").toLowerCase(Locale.ROOT), code);
    }

    private static final String[] LOOKUP_PHRASES = {
        "the lookup value was not found:", "the lookup value wasn't found:", "the lookup was not found:",
        "the lookup wasn't found:", "the lookup value could not be found:", "the lookup could not be found:"
    };

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

    private static final Set<String> CONVERSATIONAL = new HashSet<>(Arrays.asList(
            "i", "i'm", "i've", "we", "we're", "we've", "our", "us", "my", "me", "hi", "hello", "hey", "dear",
            "thanks", "thank", "anyone", "somebody", "idea", "ideas", "regards",
            // How users tell what happens, in words no documented error text uses: "fails every morning since ..."
            "fails", "failing", "keeps", "kept", "morning", "yesterday", "tonight", "every", "since", "tried",
            "attached", "screenshot", "below", "stuck"));

    private ErrorExtractor() {
    }

    /** Extracts the errors, legs and context of one text, normalised by {@link TextNormaliser}. */
    public static ExtractedText extract(String normalisedText) {
        List<SyncError> errors = new ArrayList<>();
        List<SyncLeg> legs = new ArrayList<>();
        String[] status = new String[1];
        if (normalisedText == null || normalisedText.isBlank()) {
            return new ExtractedText(errors, legs, null, null);
        }
        String text = normalisedText.indexOf('\r') >= 0 ? TextNormaliser.normalise(normalisedText) : normalisedText;
        boolean context = false;
        String contextMap = null;
        for (Piece piece : pieces(text)) {
            if (ContextLines.isContextOnly(piece.text)) {
                context = true;
                if (contextMap == null) {
                    contextMap = ContextLines.mapOf(piece.text);
                }
                continue;
            }
            List<SyncError> found = piece.wrapper ? wrapper(piece.text, legs, status) : List.of(plain(piece.text));
            for (SyncError e : found) {
                if (ContextLines.isContextOnly(e.getMessage())) {
                    context = true;
                } else if (piece.wrapper || isErrorLike(e, piece.text)) {
                    errors.add(e);
                }
            }
        }
        if (errors.isEmpty() && !context) {
            // Nothing looked like an error: the whole text is the error, so nothing is dropped.
            errors.add(plain(flatten(text)));
        }
        String mapName = contextMap;
        for (int i = 0; i < errors.size(); i++) {
            SyncError e = errors.get(i);
            e.setId("e" + (i + 1));
            if (mapName == null && e.getMapName() != null) {
                mapName = e.getMapName();
            }
        }
        return new ExtractedText(errors, legs, status[0], mapName);
    }

    // ---- segmentation

    private static final class Piece {
        final String text;
        final boolean wrapper;

        Piece(String text, boolean wrapper) {
            this.text = text;
            this.wrapper = wrapper;
        }
    }

    private static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder unit = null;
        boolean unitWrapper = false;
        String previousLine = "";
        for (String line : text.split("\n", -1)) {
            line = line.trim();
            if (line.isEmpty()) {
                if (unit != null) {
                    cut(unit.toString(), unitWrapper, pieces);
                    unit = null;
                }
                previousLine = "";
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            boolean startsWrapper = lower.contains("initial sync completed with status") || lower.startsWith("executed leg:")
                    || lower.startsWith("dual write initial sync failed") || lower.startsWith("dual-write initial sync failed");
            boolean carriesOn = unit != null && !startsWrapper && (unitWrapper
                    ? isWrapperPart(lower, line, previousLine)
                    : startsWithAny(lower, ATTACHMENTS) || isFrame(line));
            if (carriesOn) {
                unit.append(' ').append(line);
            } else {
                if (unit != null) {
                    cut(unit.toString(), unitWrapper, pieces);
                }
                unit = new StringBuilder(line);
                unitWrapper = startsWrapper;
            }
            previousLine = line;
        }
        if (unit != null) {
            cut(unit.toString(), unitWrapper, pieces);
        }
        return pieces;
    }

    private static boolean isWrapperPart(String lower, String line, String previousLine) {
        if (startsWithAny(lower, WRAPPER_PARTS) || isFrame(line)) {
            return true;
        }
        String prev = previousLine.toLowerCase(Locale.ROOT);
        return prev.endsWith(" at") || prev.endsWith("stacktrace:") || prev.endsWith("message:")
                || prev.endsWith("errorsdetails:") || prev.endsWith("details:");
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
    private static void cut(String unit, boolean unitWrapper, List<Piece> out) {
        String lower = unit.toLowerCase(Locale.ROOT);
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
                    anchors.add(new int[] {i, 3});
                }
            }
            anchors.sort((a, b) -> Integer.compare(a[0], b[0]));
        }
        if (anchors.isEmpty()) {
            out.add(new Piece(unit, unitWrapper));
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
                addPiece(unit.substring(pieceStart, pos), pieceWrapper, out);
            } else if (pos < pieceStart) {
                continue;
            }
            pieceStart = pos;
            pieceKind = kind;
            pieceWrapper = kind == 1;
            resolveSeen = kind == 3;
        }
        addPiece(unit.substring(pieceStart), pieceWrapper, out);
    }

    private static void addPiece(String text, boolean wrapper, List<Piece> out) {
        String t = text.trim();
        if (!t.isEmpty()) {
            out.add(new Piece(t, wrapper));
        }
    }

    /**
     * The next occurrence of a needle at or after a position, for callers whose positions only grow:
     * each part of the text is scanned once, however many times the caller asks.
     */
    private static final class Next {
        private final String s;
        private final String needle;
        private int scannedFrom = -1;
        private int at = -1;

        Next(String s, String needle) {
            this.s = s;
            this.needle = needle;
        }

        int from(int p) {
            if (scannedFrom < 0 || p < scannedFrom || (at >= 0 && at < p)) {
                scannedFrom = p;
                at = s.indexOf(needle, p);
            }
            return at;
        }
    }

    private static int nextOfAny(int from, Next... nexts) {
        int best = -1;
        for (Next n : nexts) {
            int i = n.from(from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static Next[] nexts(String s, String... needles) {
        Next[] out = new Next[needles.length];
        for (int k = 0; k < needles.length; k++) {
            out[k] = new Next(s, needles[k]);
        }
        return out;
    }

    /** The last occurrence of needle starting before {@code before} and at most {@code window} characters back, or -1. */
    private static int lastIndexWithin(String s, String needle, int before, int window) {
        for (int k = Math.min(before - 1, s.length() - needle.length()); k >= 0 && before - k <= window; k--) {
            if (s.startsWith(needle, k)) {
                return k;
            }
        }
        return -1;
    }

    /** The first c at or after from and at most max characters on, or -1: a scan that never runs to the end. */
    private static int indexWithin(String s, char c, int from, int max) {
        int end = (int) Math.min(s.length(), (long) from + max + 1);
        for (int k = Math.max(0, from); k < end; k++) {
            if (s.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    private static int indexOfAny(String s, int from, String... needles) {
        int best = -1;
        for (String n : needles) {
            int i = s.indexOf(n, from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static String flatten(String text) {
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

    // ---- error-likeness

    private static boolean isErrorLike(SyncError e, String text) {
        boolean strong = e.getHttpStatus() != 0 || !e.getCodes().isEmpty() || e.getPlatformCode() != null
                || e.getLookupField() != null || e.getStackTop() != null || e.getComponent() != null
                || !e.getCheckUrls().isEmpty();
        String lower = text.toLowerCase(Locale.ROOT);
        if (strong || lower.contains("exception") || lower.contains("stack trace")) {
            return true;
        }
        if (!ErrorWords.in(text)) {
            return false;
        }
        return !isConversational(text);
    }

    /** User prose: a question, an introduction ending with ':', or first-person and greeting words. */
    private static boolean isConversational(String text) {
        char last = text.charAt(text.length() - 1);
        if (last == '?' || last == ':') {
            return true;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            if (i > start && i - start <= 8
                    && CONVERSATIONAL.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '\'';
    }

    // ---- the initial-sync wrapper

    private static List<SyncError> wrapper(String text, List<SyncLeg> legs, String[] status) {
        String lower = text.toLowerCase(Locale.ROOT);
        int st = lower.indexOf("completed with status:");
        if (st >= 0 && status[0] == null) {
            int p = skipSpaces(text, st + "completed with status:".length());
            int q = p;
            while (q < text.length() && Character.isLetter(text.charAt(q))) {
                q++;
            }
            if (q > p) {
                status[0] = text.substring(p, q);
            }
        }
        int from = 0;
        Next[] legEnds = nexts(lower, "executed leg:", "errorsdetails", "errors details", "message:");
        while (true) {
            int i = lower.indexOf("executed leg:", from);
            if (i < 0) {
                break;
            }
            int end = nextOfAny(i + 1, legEnds);
            SyncLeg leg = leg(text.substring(i + "executed leg:".length(), end < 0 ? text.length() : end));
            if (leg != null) {
                legs.add(leg);
            }
            from = i + 1;
        }
        List<SyncError> errors = new ArrayList<>();
        List<Integer> messageStarts = new ArrayList<>();
        from = 0;
        while (true) {
            int i = text.indexOf("Message:", from);
            if (i < 0) {
                break;
            }
            if (i == 0 || !Character.isLetter(text.charAt(i - 1))) {
                messageStarts.add(i);
            }
            from = i + 1;
        }
        if (messageStarts.isEmpty()) {
            // No "Message:" part: the error is what follows the details header, or the whole text.
            int d = indexOfAny(lower, 0, "errorsdetails:", "errors details:", "errordetails:");
            int start = d < 0 ? 0 : text.indexOf(':', d) + 1;
            int stack = indexOfAny(lower, start, "stacktrace:", "stack trace:");
            String body = text.substring(start, stack < 0 ? text.length() : stack).trim();
            SyncError e = plain(body.isEmpty() ? text : body);
            if (e.getStackTop() == null && stack >= 0) {
                e.setStackTop(stackTop(text, stack));
            }
            errors.add(e);
            return errors;
        }
        Next[] stacks = nexts(lower, "stacktrace:", "stack trace:");
        Next legStarts = new Next(lower, "executed leg:");
        for (int k = 0; k < messageStarts.size(); k++) {
            int start = messageStarts.get(k) + "Message:".length();
            int limit = k + 1 < messageStarts.size() ? messageStarts.get(k + 1) : text.length();
            int stack = nextOfAny(start, stacks);
            int leg = legStarts.from(start);
            int end = limit;
            if (stack >= 0 && stack < end) {
                end = stack;
            }
            if (leg >= 0 && leg < end) {
                end = leg;
            }
            String message = text.substring(start, end).trim();
            SyncError e = plain(message);
            if (stack >= 0 && stack < limit) {
                e.setStackTop(stackTop(text, stack));
            }
            errors.add(e);
        }
        return errors;
    }

    /** "From AX Financial dimensions to CRM msdyn_dimensionattributes with exported records count: 0, ..." */
    private static SyncLeg leg(String s) {
        String t = s.trim();
        if (!t.regionMatches(true, 0, "From ", 0, 5)) {
            return null;
        }
        int sideEnd = t.indexOf(' ', 5);
        if (sideEnd < 0) {
            return null;
        }
        String side = t.substring(5, sideEnd);
        String direction = directionOf(side);
        String lowerT = t.toLowerCase(Locale.ROOT);
        int with = lowerT.indexOf(" with exported");
        String entities = with < 0 ? t.substring(sideEnd + 1) : t.substring(sideEnd + 1, with);
        String source = entities;
        String target = null;
        int to = -1;
        for (String other : new String[] {" to CRM ", " to AX ", " to Dataverse ", " to CDS ", " to FO ", " to DV "}) {
            int i = entities.lastIndexOf(other);
            if (i > to) {
                to = i;
                target = entities.substring(i + other.length()).trim();
                if (direction == null) {
                    String into = directionOf(other.substring(4).trim());
                    direction = into == null ? null : ("FO->DV".equals(into) ? "DV->FO" : "FO->DV");
                }
            }
        }
        if (to >= 0) {
            source = entities.substring(0, to);
        }
        SyncLeg leg = new SyncLeg(direction, source.trim(), target == null ? null : stripEnd(target));
        leg.setExportedCount(count(t, "exported records count:"));
        leg.setImportErrorCount(count(t, "ImportRecordsErrorCount:"));
        leg.setInsertedCount(count(t, "ImportRecordsInsertedCount:"));
        leg.setUpdatedCount(count(t, "ImportRecordsUpdatedCount:"));
        return leg;
    }

    private static String directionOf(String side) {
        switch (side.toUpperCase(Locale.ROOT)) {
            case "AX":
            case "FO":
            case "FINOPS":
                return "FO->DV";
            case "CRM":
            case "CDS":
            case "DATAVERSE":
            case "DV":
            case "CE":
                return "DV->FO";
            default:
                return null;
        }
    }

    private static long count(String text, String label) {
        int i = text.toLowerCase(Locale.ROOT).indexOf(label.toLowerCase(Locale.ROOT));
        if (i < 0) {
            return -1;
        }
        Matcher m = COUNT.matcher(text);
        int p = skipSpaces(text, i + label.length());
        if (m.find(p) && m.start() == p) {
            return Long.parseLong(m.group());
        }
        return -1;
    }

    // ---- one error's fields

    /** An error from its (normalised, one-line) text, with every field the text shows. */
    static SyncError plain(String text) {
        SyncError e = new SyncError(null, text);
        String lower = e.lowerMessage();
        http(text, e);
        component(text, lower, e);
        record(text, lower, e);
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

    private static void http(String text, SyncError e) {
        int status = 0;
        String reason = null;
        int pos = Integer.MAX_VALUE;
        Matcher m = PAREN_CODE.matcher(text);
        if (m.find()) {
            status = Integer.parseInt(m.group(1));
            reason = reasonFor(status, m.group(2));
            pos = m.start();
        }
        m = text.indexOf(" (") >= 0 ? CODE_PAREN.matcher(text) : null;
        if (m != null && m.find() && m.start() < pos) {
            status = Integer.parseInt(m.group(1));
            reason = reasonFor(status, m.group(2));
        }
        if (status == 0 && text.contains("status code")) {
            m = STATUS_WORD.matcher(text);
            if (m.find()) {
                Integer code = REASON_CODES.get(m.group(1).toLowerCase(Locale.ROOT));
                if (code != null) {
                    status = code;
                    reason = REASONS.get(code);
                }
            }
        }
        if (status == 0 && text.contains("\"status")) {
            m = JSON_STATUS.matcher(text);
            if (m.find()) {
                status = Integer.parseInt(m.group(1));
            }
        }
        m = text.indexOf('[') >= 0 ? BRACKET_REASON.matcher(text) : null;
        while (m != null && m.find()) {
            Integer code = REASON_CODES.get(m.group(1).toLowerCase(Locale.ROOT));
            if (code != null) {
                if (status == 0) {
                    status = code;
                }
                if (reason == null && code == status) {
                    reason = m.group(1);
                }
                break;
            }
        }
        if (status != 0 && reason == null) {
            reason = REASONS.get(status);
        }
        e.setHttpStatus(status);
        e.setHttpReason(reason);
    }

    private static String reasonFor(int status, String written) {
        if (written == null || written.isBlank()) {
            return REASONS.get(status);
        }
        String w = written.trim();
        String standard = REASONS.get(status);
        if (standard != null && w.regionMatches(true, 0, standard, 0, standard.length())
                && (w.length() == standard.length() || w.charAt(standard.length()) == ' ')) {
            return w.substring(0, standard.length());
        }
        int space = w.indexOf(' ');
        return standard == null && space > 0 ? w : (space > 0 ? w.substring(0, space) : w);
    }

    private static void component(String text, String lower, SyncError e) {
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

    private static void record(String text, String lower, SyncError e) {
        int following = lower.indexOf(", the following error");
        if (following > 0) {
            int on = lastIndexWithin(lower, "on the ", following, 120);
            if (on >= 0) {
                String map = text.substring(on + 7, following).trim();
                if (!map.isEmpty()) {
                    e.setMapName(map);
                }
            }
        }
        if (e.getMapName() == null) {
            Matcher m = MAP_PREFIX.matcher(text);
            if (m.find()) {
                e.setMapName(m.group(1).trim());
                e.setEntitySet(m.group(2));
            }
        }
        if (e.getMapName() == null) {
            e.setMapName(ContextLines.mapOf(text)); // "Stop failed for Sales orders V3. [Forbidden] ..."
        }
        int rid = lower.indexOf("record id:");
        if (rid >= 0) {
            int p = skipSpaces(text, rid + "record id:".length());
            int em = lower.indexOf(", errormessage", p);
            int comma = text.indexOf(',', p);
            int end = em >= 0 && em - p <= 200 ? em : (comma >= 0 && comma - p <= 200 ? comma : Math.min(text.length(), p + 200));
            String id = ValueText.trim(text.substring(p, end));
            if (!id.isEmpty()) {
                e.setRecordId(id);
            }
        }
        int field = indexOfAny(lower, 0, "resolve the guid for the field:");
        if (field >= 0) {
            int p = skipSpaces(text, field + "resolve the guid for the field:".length());
            String token = ValueText.trim(tokenAt(text, p));
            if (!token.isEmpty()) {
                e.setLookupField(token);
            }
        }
        for (String phrase : LOOKUP_PHRASES) {
            int i = lower.indexOf(phrase);
            if (i >= 0) {
                String value = lookupValue(text, lower, skipSpaces(text, i + phrase.length()));
                if (value != null && !value.isEmpty()) {
                    e.setLookupValue(value);
                }
                break;
            }
        }
        urls(text, lower, e);
        if (e.getLookupValue() == null && e.getLookupField() != null && e.getCheckUrl() != null) {
            Matcher m = URL_EQ_VALUE.matcher(e.getCheckUrl());
            if (m.find()) {
                e.setLookupValue(m.group(1));
            }
        }
    }

    private static String lookupValue(String text, String lower, int p) {
        if (p >= text.length()) {
            return null;
        }
        char q = text.charAt(p);
        int pair = "([{".indexOf(q);
        if (pair >= 0) {
            int close = matching(text, p, q, ")]}".charAt(pair));
            if (close > p && close - p <= 200) {
                return ValueText.trim(text.substring(p, close + 1));
            }
        }
        if (q == '\'' || q == '"') {
            int close = text.indexOf(q, p + 1);
            if (close > p && close - p <= 200) {
                return ValueText.trim(text.substring(p + 1, close));
            }
        }
        int tryUrl = lower.indexOf(" try this url", p);
        String value;
        if (tryUrl >= 0 && tryUrl - p <= 200) {
            value = text.substring(p, tryUrl).trim();
        } else {
            value = tokenAt(text, p);
        }
        return ValueText.trim(value);
    }

    /** The bracket that closes the one at {@code open}, within 200 characters, or -1. */
    private static int matching(String text, int open, char opener, char closer) {
        int depth = 0;
        for (int i = open; i < text.length() && i - open <= 200; i++) {
            char c = text.charAt(i);
            if (c == opener) {
                depth++;
            } else if (c == closer && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void urls(String text, String lower, SyncError e) {
        int tryUrl = lower.indexOf("try this url");
        int from = 0;
        Next[] schemes = nexts(lower, "https://", "http://");
        while (true) {
            int i = nextOfAny(from, schemes);
            if (i < 0) {
                break;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) != ' ') {
                end++;
            }
            String url = text.substring(i, end);
            if (url.contains("filter=")) {
                end = extendFilter(text, end);
                url = text.substring(i, end);
            }
            url = ValueText.trim(url);
            boolean check = (tryUrl >= 0 && i > tryUrl) || url.contains("/api/data/");
            if (check && !e.getCheckUrls().contains(url)) {
                e.addCheckUrl(url);
            }
            from = Math.max(end, i + 1);
        }
        if (e.getCheckUrl() != null) {
            // The check URL names the entity set better than a "Map (entityset):" prefix.
            Matcher m = ENTITY_SET.matcher(e.getCheckUrl());
            if (m.find()) {
                e.setEntitySet(m.group(1));
            }
        }
    }

    private static final String[] FILTER_OPERATORS = {" eq ", " ne ", " gt ", " ge ", " lt ", " le "};
    private static final String[] FILTER_JOINERS = {" and ", " or "};

    /** Extends a URL whose OData filter goes on after a space: "... eq 'CN-001'", "... and x eq 1". */
    private static int extendFilter(String text, int end) {
        int pos = end;
        for (int guard = 0; guard < 20; guard++) {
            String op = startsWithAt(text, pos, FILTER_OPERATORS);
            if (op == null) {
                return pos;
            }
            int v = pos + op.length();
            if (v >= text.length()) {
                return pos;
            }
            int vEnd;
            if (text.charAt(v) == '\'') {
                int close = indexWithin(text, '\'', v + 1, 200);
                vEnd = close > v ? close + 1 : tokenEnd(text, v);
            } else {
                vEnd = tokenEnd(text, v);
            }
            pos = vEnd;
            String joiner = startsWithAt(text, pos, FILTER_JOINERS);
            if (joiner == null) {
                return pos;
            }
            int field = pos + joiner.length();
            int fieldEnd = tokenEnd(text, field);
            if (startsWithAt(text, fieldEnd, FILTER_OPERATORS) == null) {
                return pos;
            }
            pos = fieldEnd;
        }
        return pos;
    }

    private static String startsWithAt(String text, int pos, String[] options) {
        for (String o : options) {
            if (text.regionMatches(true, pos, o, 0, o.length())) {
                return o;
            }
        }
        return null;
    }

    private static int tokenEnd(String text, int p) {
        int q = p;
        while (q < text.length() && text.charAt(q) != ' ') {
            q++;
        }
        return q;
    }

    private static String tokenAt(String text, int p) {
        return text.substring(Math.min(p, text.length()), tokenEnd(text, Math.min(p, text.length())));
    }

    /** Drops sentence punctuation glued to the end of a token. */
    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && ".,;".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int skipSpaces(String s, int p) {
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    /** The first frame after a "Stacktrace:" label at {@code label}. */
    private static String stackTop(String text, int label) {
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
    private static String frameAt(String text, int p) {
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
}
