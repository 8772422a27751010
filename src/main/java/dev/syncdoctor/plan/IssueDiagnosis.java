package dev.syncdoctor.plan;

import java.util.List;

/**
 * One known issue in a case, merged over every error that showed it: what the report prints and the
 * JSON contract's {@code diagnoses[]} entry.
 */
public record IssueDiagnosis(String issue, String kb, String title, String section, String category,
                             String confidence, String rule, List<String> evidence, List<String> errors,
                             List<String> matched) {
}
