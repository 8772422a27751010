package dev.syncdoctor.plan;

import java.util.List;

/** A requirement of the plan, merged across issues that need the same thing. */
public record PlannedRequirement(String kind, String name, String issue, List<String> issues, boolean held) {
}
