package dev.syncdoctor.plan;

import java.util.List;

/**
 * A numbered step of the plan; {@code issues} lists every diagnosis that shares it after merging, and
 * {@code kb} the catalog entry the step comes from (its diagnosis' entry, or the entry of the procedure
 * an {@code if-unresolved} step leads to).
 */
public record PlannedStep(int step, String issue, List<String> issues, String phase, String kb, String text, String because,
                          String rule, List<String> matched) {

    /**
     * Whether a reader needs to be told first that the step is for when the plan did not help: an
     * if-unresolved step, unless its own text opens with its condition ("If the second run fails too, ...").
     */
    public boolean needsUnresolvedLeadIn() {
        return "if-unresolved".equals(phase) && !(text != null && text.startsWith("If "));
    }
}
