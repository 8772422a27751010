package dev.syncdoctor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything ingest learned from one input: the case context, the executed legs and the errors. */
public class CaseFacts {
    /** Where the case came from (a file path, "-" for stdin, or "file.csv#case-id"). */
    private final String source;
    private final SyncCase syncCase;
    private final List<SyncLeg> legs = new ArrayList<>();
    private final List<SyncError> errors = new ArrayList<>();
    /** The errors by {@link SyncError#shape()}, so a repeat joins its first occurrence in constant time. */
    private final Map<String, SyncError> byShape = new HashMap<>();

    public CaseFacts(String source, SyncCase syncCase) {
        this.source = source;
        this.syncCase = syncCase;
    }

    public String getSource() { return source; }
    public SyncCase getSyncCase() { return syncCase; }
    public List<SyncLeg> getLegs() { return legs; }
    /** The errors, one per kind: read only; add with {@link #addError(SyncError)}. */
    public List<SyncError> getErrors() { return java.util.Collections.unmodifiableList(errors); }

    /**
     * Adds an error, or counts it on the error of the same shape already here (same text but for its
     * record id, lookup value and check URLs). A new kind of error is numbered e1, e2, ... in input
     * order; returns the error that now stands for it.
     */
    public SyncError addError(SyncError error) {
        String shape = error.shape();
        SyncError first = byShape.get(shape);
        if (first != null) {
            first.absorb(error);
            return first;
        }
        error.setId("e" + (errors.size() + 1));
        errors.add(error);
        byShape.put(shape, error);
        return error;
    }

    /** Every fact to insert into a session, the case first. */
    public List<Object> facts() {
        List<Object> all = new ArrayList<>(1 + legs.size() + errors.size());
        all.add(syncCase);
        all.addAll(legs);
        all.addAll(errors);
        return all;
    }
}
