package dev.syncdoctor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One error found in the text a user brought: the normalised message plus the structured parts the
 * extractors could read from it. A text may hold several errors; each becomes one {@code SyncError}.
 * Rules match on the structured parts, or with {@link #mentions(String)} on the message.
 */
public class SyncError {
    /** Position of the error in its case ("e1", "e2", ...), stable for evidence and reports. */
    private String id;
    /** The normalised error text (escapes removed, white space folded). */
    private String message = "";
    private String lowerMessage = "";
    /** The automaton this error's message was scanned with, and what it found (filled at the first mention). */
    private MentionIndex mentionIndex;
    private java.util.BitSet mentioned;
    /** {@link #getWrittenTable()} once read from the message ("" for none); null until then. */
    private String writtenTable;
    /** {@link #getLookedUpTables()} once read from the message; null until then. */
    private List<String> lookedUpTables;
    /** HTTP status code found in the text, e.g. 400 from "(400) Bad Request"; 0 when none. */
    private int httpStatus;
    /** HTTP reason, e.g. "Bad Request", "Forbidden", "tokenexchange". */
    private String httpReason;
    /** The component that reported it, e.g. "AX export encountered an error". */
    private String component;
    /** The map named by the error ("On the Vendors V2, the following error"). */
    private String mapName;
    /** Record id from "Record Id: ...", e.g. "new record". */
    private String recordId;
    /** Lookup field from "Couldn't resolve the guid for the field: F". */
    private String lookupField;
    /** Lookup value from "The lookup value was not found: V" (or its later wordings). */
    private String lookupValue;
    /** URLs offered to check the reference data. */
    private final List<String> checkUrls = new ArrayList<>();
    /** Entity set of the first check URL, e.g. "msdyn_vendors". */
    private String entitySet;
    /** Hexadecimal platform error code, e.g. "0x80072560". */
    private String platformCode;
    /** Dual-write health-check and validation codes, e.g. "DWFOEV1006", "DIPV1022". */
    private final List<String> codes = new ArrayList<>();
    /** First frame of the stack trace, e.g. "Microsoft.Dynamics.Integrator.QueryGenerator.AxClient.<ExportAxPackage>d__16.MoveNext()". */
    private String stackTop;
    /**
     * How many times this error was seen: identical errors that differ only in their values (record
     * ids, lookup values, check URLs) are one fact, so rules reason once per kind of error.
     */
    private int count = 1;
    /** Every distinct lookup value of the errors this one stands for, in the order seen (the first is {@link #lookupValue}). */
    private final java.util.LinkedHashSet<String> lookupValues = new java.util.LinkedHashSet<>();
    /** Every distinct record id, in the order seen. */
    private final java.util.LinkedHashSet<String> recordIds = new java.util.LinkedHashSet<>();
    /** The check URLs already held, for a constant-time test when thousands of rows add theirs. */
    private final java.util.HashSet<String> checkUrlSet = new java.util.HashSet<>();
    /** How many check URLs of an error {@link #shape()} masks. */
    private static final int MASKED_URLS = 3;

    public SyncError() {
    }

    public SyncError(String id, String message) {
        this.id = id;
        setMessage(message);
    }

    /**
     * Case-insensitive search of the normalised message for a fragment of a documented error text. The
     * message is scanned once for every fragment rules use ({@link MentionIndex}); a fragment seen for
     * the first time is searched for directly.
     */
    public boolean mentions(String fragment) {
        if (fragment == null || fragment.isEmpty()) {
            return false;
        }
        if (mentioned == null) {
            mentionIndex = MentionIndex.current();
            mentioned = mentionIndex.scan(lowerMessage);
        }
        int id = mentionIndex.idAsWritten(fragment);
        if (id >= 0) {
            return mentioned.get(id);
        }
        String lower = fragment.toLowerCase(Locale.ROOT);
        MentionIndex.learn(lower);
        return lowerMessage.contains(lower);
    }

    /** The message in lower case, as {@link #mentions(String)} searches it (computed once, with the message). */
    public String lowerMessage() {
        return lowerMessage;
    }

    public boolean hasCode(String code) {
        for (String c : codes) {
            if (c.equalsIgnoreCase(code)) {
                return true;
            }
        }
        return false;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getMessage() { return message; }
    public void setMessage(String message) {
        this.message = message == null ? "" : message;
        this.lowerMessage = this.message.toLowerCase(Locale.ROOT);
        this.mentioned = null;
        this.writtenTable = null;
        this.lookedUpTables = null;
    }
    public int getHttpStatus() { return httpStatus; }
    public void setHttpStatus(int httpStatus) { this.httpStatus = httpStatus; }
    public String getHttpReason() { return httpReason; }
    public void setHttpReason(String httpReason) { this.httpReason = httpReason; }
    public String getComponent() { return component; }
    public void setComponent(String component) { this.component = component; }
    public String getMapName() { return mapName; }
    public void setMapName(String mapName) { this.mapName = mapName; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String recordId) {
        this.recordId = recordId;
        if (recordId != null) {
            recordIds.add(recordId);
        }
    }
    public String getLookupField() { return lookupField; }
    public void setLookupField(String lookupField) { this.lookupField = lookupField; }
    public String getLookupValue() { return lookupValue; }
    public void setLookupValue(String lookupValue) {
        this.lookupValue = lookupValue;
        if (lookupValue != null) {
            lookupValues.add(lookupValue);
        }
    }
    public List<String> getCheckUrls() { return Collections.unmodifiableList(checkUrls); }
    public void addCheckUrl(String url) {
        if (checkUrlSet.add(url)) {
            checkUrls.add(url);
        }
    }
    public String getCheckUrl() { return checkUrls.isEmpty() ? null : checkUrls.get(0); }
    public String getEntitySet() { return entitySet; }
    public void setEntitySet(String entitySet) { this.entitySet = entitySet; }
    public String getPlatformCode() { return platformCode; }
    public void setPlatformCode(String platformCode) { this.platformCode = platformCode; }
    public List<String> getCodes() { return Collections.unmodifiableList(codes); }
    public void addCode(String code) { codes.add(code); }
    public String getStackTop() { return stackTop; }

    private static final java.util.regex.Pattern LOOKED_UP =
            java.util.regex.Pattern.compile("(?i)unable to look ?up\\s++([A-Za-z0-9_]++)\\s++with values");
    private static final java.util.regex.Pattern WRITTEN =
            java.util.regex.Pattern.compile("(?i)unable to write data to entity\\s++([A-Za-z0-9_]++)");
    private static final java.util.regex.Pattern WRITES_TO =
            java.util.regex.Pattern.compile("(?i)writes to\\s++([A-Za-z0-9_]++)\\s++failed");

    /**
     * The tables a live-sync write looked up and could not find, in lower case, from every
     * "Unable to lookup X with values {..}" of the message (also spelt "look up"); empty when none.
     */
    public List<String> getLookedUpTables() {
        // Several conditions of every error ask: read the message once, and only when it can match.
        if (lookedUpTables == null) {
            List<String> out = new ArrayList<>(2);
            if (lowerMessage.contains("unable to look")) {
                java.util.regex.Matcher m = LOOKED_UP.matcher(message);
                while (m.find()) {
                    String table = m.group(1).toLowerCase(Locale.ROOT);
                    if (!out.contains(table)) {
                        out.add(table);
                    }
                }
            }
            lookedUpTables = Collections.unmodifiableList(out);
        }
        return lookedUpTables;
    }

    /**
     * The lookup column of an initial-sync lookup failure in lower case: the part of the lookup field
     * before the dot ("msdyn_billingaccount" of "msdyn_billingaccount.accountnumber"); null without a field.
     */
    public String getLookupColumn() {
        if (lookupField == null || lookupField.isBlank()) {
            return null;
        }
        int dot = lookupField.indexOf('.');
        return (dot > 0 ? lookupField.substring(0, dot) : lookupField).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a live-sync write of this error looked up {@code table} and did not find it (any case). */
    public boolean looksUp(String table) {
        return getLookedUpTables().contains(table.toLowerCase(Locale.ROOT));
    }

    /** Whether the message says it was writing {@code table} (any case). */
    public boolean writes(String table) {
        return table.equalsIgnoreCase(getWrittenTable());
    }

    /**
     * The table a live-sync write was writing, in lower case: the Dataverse table of "Unable to write data
     * to entity X", else the X of "Writes to X failed"; null when the message names none.
     */
    public String getWrittenTable() {
        // Rules ask for it in several conditions of every error: read the message once.
        if (writtenTable == null) {
            // The case-insensitive expressions run only where their literal start is in the message.
            java.util.regex.Matcher m = lowerMessage.contains("unable to write data to entity") ? WRITTEN.matcher(message) : null;
            if (m != null && m.find()) {
                writtenTable = m.group(1).toLowerCase(Locale.ROOT);
            } else {
                m = lowerMessage.contains("writes to") ? WRITES_TO.matcher(message) : null;
                writtenTable = m != null && m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
            }
        }
        return writtenTable.isEmpty() ? null : writtenTable;
    }
    public void setStackTop(String stackTop) { this.stackTop = stackTop; }

    /** How many errors of the input this fact stands for (1 unless identical errors repeated). */
    public int getCount() { return count; }
    /** Every distinct lookup value, in input order. */
    public List<String> getLookupValues() { return List.copyOf(lookupValues); }
    /** Every distinct record id, in input order. */
    public List<String> getRecordIds() { return List.copyOf(recordIds); }
    /** The lookup values in brief, for evidence and plans: "V-1, V-2, V-3 and 4,997 more". */
    public String lookupValuesInBrief() { return ValueList.brief(lookupValues); }
    /** The record ids in brief. */
    public String recordIdsInBrief() { return ValueList.brief(recordIds); }

    /**
     * The shape of this error with its values masked: two errors with one shape differ only in their
     * record id, lookup value or check URLs. Every other extracted part is part of the shape, so two
     * errors of one shape match the same rules.
     */
    public String shape() {
        String masked = message;
        masked = mask(masked, recordId);
        masked = mask(masked, lookupValue);
        // The URLs of one row; an error listing many more is rare and keeps them in its shape (bounded work).
        for (int i = 0; i < Math.min(checkUrls.size(), MASKED_URLS); i++) {
            masked = mask(masked, checkUrls.get(i));
        }
        return masked + '\u0000' + httpStatus + '\u0000' + httpReason + '\u0000' + component + '\u0000' + mapName
                + '\u0000' + lookupField + '\u0000' + entitySet + '\u0000' + platformCode + '\u0000' + codes
                + '\u0000' + stackTop;
    }

    private static String mask(String text, String value) {
        return value == null || value.isEmpty() ? text : text.replace(value, "\u0001");
    }

    /** Takes in another error of the same {@link #shape()}: its count, values, record ids and URLs. */
    public void absorb(SyncError other) {
        count += other.count;
        lookupValues.addAll(other.lookupValues);
        recordIds.addAll(other.recordIds);
        for (String url : other.checkUrls) {
            addCheckUrl(url);
        }
    }

    @Override
    public String toString() {
        return "SyncError[" + id + ": " + (message.length() > 120 ? message.substring(0, 117) + "..." : message) + "]";
    }
}
