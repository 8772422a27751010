package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.syncdoctor.ingest.TextScan.*;

/**
 * The record form of an error: "On the Vendors V2, the following error: Record Id: new record,
 * ErrorMessage: Couldn't resolve the guid for the field: F. The lookup wasn't found: V. Try this
 * URL(s) ...", its short form "On the Vendors V2, Couldn't resolve the guid ...", and the
 * "Map (entityset): ..." prefix. Values are trimmed of the prose around them
 * ({@link ValueText}).
 */
final class RecordLine {

    private static final Pattern MAP_PREFIX = Pattern.compile(
            "^([A-Z][A-Za-z0-9]{0,40}(?: [A-Za-z0-9]{1,40}){0,5}) \\(([a-z][a-z0-9_]{1,80})\\) ?: ");
    private static final Pattern URL_EQ_VALUE = Pattern.compile(" eq '([^']{1,200})'");

    private static final String[] LOOKUP_PHRASES = {
        "the lookup value was not found:", "the lookup value wasn't found:", "the lookup was not found:",
        "the lookup wasn't found:", "the lookup value could not be found:", "the lookup could not be found:"
    };

    /** What follows "On the MAP," in a record: the documented lead, or the lookup error itself. */
    private static final String[] AFTER_MAP = {
        ", the following error", ", couldn't resolve the guid", ", could not resolve the guid"
    };

    /**
     * Where "On the MAP, " begins when it leads straight into the record at {@code at} ("On the Customers
     * V3, the following error: ..." as documented, or "On the Customers V3, Couldn't resolve the guid ..."
     * as people shorten it), or -1. The map name is at most 120 characters and holds no sentence break;
     * in the short form it starts with a capital ("On the other hand, couldn't ..." names no map).
     */
    static int mapLeadStart(String text, String lower, int at) { // at: the comma after the map name
        int on = lastIndexWithin(lower, "on the ", at, 120);
        if (on < 0 || on > 0 && Character.isLetterOrDigit(lower.charAt(on - 1))) {
            return -1;
        }
        if (!lower.startsWith(AFTER_MAP[0], at) && !Character.isUpperCase(text.charAt(on + 7))) {
            return -1;
        }
        for (int k = on + 7; k < at; k++) {
            char c = lower.charAt(k);
            if (c == ',' || c == '.' || c == ':' || c == '\n') {
                return -1;
            }
        }
        return at > on + 7 ? on : -1;
    }

    /** Reads the map, record id, lookup field and value (and, through {@link CheckUrls}, the check URLs). */
    static void read(String text, String lower, SyncError e) {
        int lead = indexOfAny(lower, 0, AFTER_MAP);
        if (lead > 0) {
            int on = mapLeadStart(text, lower, lead);
            if (on >= 0) {
                String map = text.substring(on + 7, lead).trim();
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
        CheckUrls.read(text, lower, e);
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

    private RecordLine() {
    }
}
