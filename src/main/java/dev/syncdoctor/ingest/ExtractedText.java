package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.model.SyncLeg;

import java.util.Collections;
import java.util.List;

/** What the extractors found in one normalised text: the errors in text order, the executed legs, and context. */
public final class ExtractedText {
    private final List<SyncError> errors;
    private final List<SyncLeg> legs;
    private final String completionStatus;
    private final String mapName;

    ExtractedText(List<SyncError> errors, List<SyncLeg> legs, String completionStatus, String mapName) {
        this.errors = Collections.unmodifiableList(errors);
        this.legs = Collections.unmodifiableList(legs);
        this.completionStatus = completionStatus;
        this.mapName = mapName;
    }

    /** The errors, ids "e1", "e2", ... in text order. */
    public List<SyncError> errors() { return errors; }

    /** The executed legs ("Executed leg: From AX ... to CRM ..."), in text order. */
    public List<SyncLeg> legs() { return legs; }

    /** "Error" from "Initial Sync completed with status: Error", else null. */
    public String completionStatus() { return completionStatus; }

    /** The map the text names ("On the Vendors V2, the following error", "Customers V3 (accounts): ..."), else null. */
    public String mapName() { return mapName; }

    @Override
    public String toString() {
        return "ExtractedText[errors=" + errors + ", legs=" + legs + ", status=" + completionStatus + ", map=" + mapName + "]";
    }
}
