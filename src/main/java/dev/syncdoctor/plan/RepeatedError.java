package dev.syncdoctor.plan;

import dev.syncdoctor.model.SyncError;
import java.util.List;

/**
 * An error of the input that occurred more than once with other values: how often, and every lookup
 * value and record id it was seen with (the JSON contract keeps them all; reports show them in brief).
 */
public record RepeatedError(String id, int count, List<String> values, List<String> records) {

    static RepeatedError of(SyncError e) {
        return new RepeatedError(e.getId(), e.getCount(), e.getLookupValues(), e.getRecordIds());
    }
}
