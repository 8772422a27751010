package dev.syncdoctor.plan;

import java.util.List;

/**
 * One known issue in a case, merged over every error that showed it: what the report prints and the
 * JSON contract's {@code diagnoses[]} entry. {@code requiredRole} is null when the documentation states
 * no role for the fix (reported as "not stated", never guessed). {@code repeated} lists those of its
 * errors that occurred more than once, with their counts and values.
 */
public record IssueDiagnosis(String issue, String kb, String title, String section, String category,
                             String requiredRole, String confidence, String rule, List<String> evidence, List<String> errors,
                             List<String> matched, List<RepeatedError> repeated) {

    public IssueDiagnosis(String issue, String kb, String title, String section, String category, String requiredRole,
                          String confidence, String rule, List<String> evidence, List<String> errors, List<String> matched) {
        this(issue, kb, title, section, category, requiredRole, confidence, rule, evidence, errors, matched, List.of());
    }
}
