package dev.syncdoctor.plan;

import java.util.List;

/** A numbered step of the plan; {@code issues} lists every diagnosis that shares it after merging. */
public record PlannedStep(int step, String issue, List<String> issues, String phase, String text, String because,
                          String rule, List<String> matched) {
}
