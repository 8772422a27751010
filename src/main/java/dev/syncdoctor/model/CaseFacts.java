package dev.syncdoctor.model;

import java.util.ArrayList;
import java.util.List;

/** Everything ingest learned from one input: the case context, the executed legs and the errors. */
public class CaseFacts {
    /** Where the case came from (a file path, "-" for stdin, or "file.csv#case-id"). */
    private final String source;
    private final SyncCase syncCase;
    private final List<SyncLeg> legs = new ArrayList<>();
    private final List<SyncError> errors = new ArrayList<>();

    public CaseFacts(String source, SyncCase syncCase) {
        this.source = source;
        this.syncCase = syncCase;
    }

    public String getSource() { return source; }
    public SyncCase getSyncCase() { return syncCase; }
    public List<SyncLeg> getLegs() { return legs; }
    public List<SyncError> getErrors() { return errors; }

    /** Every fact to insert into a session, the case first. */
    public List<Object> facts() {
        List<Object> all = new ArrayList<>(1 + legs.size() + errors.size());
        all.add(syncCase);
        all.addAll(legs);
        all.addAll(errors);
        return all;
    }
}
