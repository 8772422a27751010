package dev.syncdoctor.plan;

import dev.syncdoctor.engine.Evaluation;
import java.util.List;

/**
 * The full answer for one case: status, the issues recognised, what they need first, the ordered
 * action plan and what stayed unexplained. {@code evaluation} is null for inputs that could not be read.
 */
public record CaseResult(String source, String caseId, CaseStatus status, List<IssueDiagnosis> diagnoses,
                         List<PlannedRequirement> requirements, List<PlannedStep> actions,
                         List<UnexplainedError> unexplained, String error, Evaluation evaluation) {

    public static CaseResult invalid(String source, String caseId, String reason) {
        return new CaseResult(source, caseId, CaseStatus.INVALID, List.of(), List.of(), List.of(), List.of(), reason, null);
    }
}
