package dev.syncdoctor.model;

/**
 * The one spelling of "not known" for the counts and durations of facts ({@link SyncCase},
 * {@link SyncLeg}): a count of 0 is a count, as in "exported records count: 0".
 */
public final class Count {
    public static final int UNKNOWN = -1;

    private Count() {
    }

    public static boolean isKnown(long count) {
        return count != UNKNOWN;
    }
}
