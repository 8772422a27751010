package dev.syncdoctor.model;

/**
 * What a failed initial-sync lookup points at, as rules/recognition/lookups.drl concludes it, with the
 * reason (a "case: ..." evidence piece) that decided it.
 */
public final class LookupRelation {
    /** The map's own table or a documented self/circular pair; another table; not told by the text. */
    public enum Kind { SELF, OTHER, UNKNOWN }

    private final LookupFailure failure;
    private final Kind kind;
    private final String evidence;

    public LookupRelation(LookupFailure failure, Kind kind, String evidence) {
        this.failure = failure;
        this.kind = kind;
        this.evidence = evidence;
    }

    public LookupFailure getFailure() { return failure; }
    public Kind getKind() { return kind; }
    public String getEvidence() { return evidence; }

    @Override
    public String toString() {
        return "LookupRelation[" + kind + ", " + failure + "]";
    }
}
