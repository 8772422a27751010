package dev.syncdoctor.ingest;

import dev.syncdoctor.model.Count;
import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.model.SyncLeg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.syncdoctor.ingest.TextScan.*;

/**
 * Reads the initial-sync wrapper: "Dual write Initial Sync completed with status: Error", its executed
 * legs ("Executed leg: From AX X to CRM y with exported records count: 0, ImportRecordsErrorCount:
 * ...") and the error of each "Message:" part with the top frame of its stack trace.
 */
final class WrapperParser {

    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");

    /** What one wrapper holds: its errors, its executed legs and its completion status (or null). */
    record Parsed(List<SyncError> errors, List<SyncLeg> legs, String status) {
    }

    /** The errors, legs and status of one wrapper unit. */
    static Parsed parse(String text, String lower) {
        List<SyncLeg> legs = new ArrayList<>();
        String status = null;
        int st = lower.indexOf("completed with status:");
        if (st >= 0) {
            int p = skipSpaces(text, st + "completed with status:".length());
            int q = p;
            while (q < text.length() && Character.isLetter(text.charAt(q))) {
                q++;
            }
            if (q > p) {
                status = text.substring(p, q);
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
            SyncError e = ShortMessage.read(body.isEmpty() ? text : body);
            if (e.getStackTop() == null && stack >= 0) {
                e.setStackTop(ShortMessage.stackTop(text, stack));
            }
            errors.add(e);
            return new Parsed(errors, legs, status);
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
            SyncError e = ShortMessage.read(message);
            if (stack >= 0 && stack < limit) {
                e.setStackTop(ShortMessage.stackTop(text, stack));
            }
            errors.add(e);
        }
        return new Parsed(errors, legs, status);
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
        Direction direction = Direction.from(side);
        String lowerT = lower(t);
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
                    Direction into = Direction.from(other.substring(4).trim());
                    direction = into == null ? null : into.opposite();
                }
            }
        }
        if (to >= 0) {
            source = entities.substring(0, to);
        }
        SyncLeg leg = new SyncLeg(direction, source.trim(), target == null ? null : stripEnd(target));
        leg.setExportedCount(count(t, lowerT, "exported records count:"));
        leg.setImportErrorCount(count(t, lowerT, "importrecordserrorcount:"));
        leg.setInsertedCount(count(t, lowerT, "importrecordsinsertedcount:"));
        leg.setUpdatedCount(count(t, lowerT, "importrecordsupdatedcount:"));
        return leg;
    }

    private static long count(String text, String lower, String lowerLabel) {
        int i = lower.indexOf(lowerLabel);
        if (i < 0) {
            return Count.UNKNOWN;
        }
        Matcher m = COUNT.matcher(text);
        int p = skipSpaces(text, i + lowerLabel.length());
        if (m.find(p) && m.start() == p) {
            return Long.parseLong(m.group());
        }
        return Count.UNKNOWN;
    }

    private WrapperParser() {
    }
}
