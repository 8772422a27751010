package dev.syncdoctor.report;

import dev.syncdoctor.plan.CaseResult;

/** Renders one case's result for people or programs. */
public interface CaseRenderer {
    String render(CaseResult result);
}
