package dev.syncdoctor.batch;

import dev.syncdoctor.plan.CaseResult;

/**
 * One output record: the case's result (without its evaluation trail, so a window of records stays small)
 * and its output line, rendered by the worker that evaluated it.
 */
public record BatchRecord(CaseResult result, String line) {
}
