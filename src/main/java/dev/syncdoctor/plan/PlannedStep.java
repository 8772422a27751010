package dev.syncdoctor.plan;

import java.util.List;

/**
 * A numbered step of the plan; {@code issues} lists every diagnosis that shares it after merging, and
 * {@code kb} the catalog entry the step comes from (its diagnosis' entry, or the entry of the procedure
 * an {@code if-unresolved} step leads to).
 */
public record PlannedStep(int step, String issue, List<String> issues, String phase, String kb, String text, String because,
                          String rule, List<String> matched) {
}
