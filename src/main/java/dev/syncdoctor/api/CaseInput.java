package dev.syncdoctor.api;

import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.model.CaseFacts;

/**
 * One case read from an input, or why it could not be read. An input gives one or more of these (a CSV
 * export gives one per case id); a bad row is a problem entry in its place, never a lost case.
 *
 * @param source  where the case came from, as results name it ({@code file}, {@code file.csv#id}, {@code -:3})
 * @param caseId  the case id when known, else null
 * @param facts   the facts read, or null when {@code problem} is set
 * @param problem why the case could not be read, or null
 */
public record CaseInput(String source, String caseId, CaseFacts facts, InputException problem) {
    public static CaseInput of(CaseFacts facts) {
        return new CaseInput(facts.getSource(), facts.getSyncCase().getId(), facts, null);
    }

    public static CaseInput failed(String source, String caseId, InputException problem) {
        return new CaseInput(source, caseId, null, problem);
    }

    public boolean ok() {
        return problem == null;
    }
}
