package dev.syncdoctor.ingest;

import dev.syncdoctor.model.CaseFacts;

/**
 * One case read from an input, or why that part of the input could not be read (a bad CSV row, a bad
 * JSON line): a bad part is an entry in its place, never a lost case nor the whole input's failure.
 *
 * @param source  where the case came from ({@code file}, {@code file.csv#id}, {@code file.csv:7}, {@code file.jsonl:3})
 * @param caseId  the case id when known, else null
 * @param facts   the facts read, or null when {@code problem} is set
 * @param problem why this part could not be read, or null
 */
public record CaseEntry(String source, String caseId, CaseFacts facts, InputException problem) {
    public static CaseEntry of(CaseFacts facts) {
        return new CaseEntry(facts.getSource(), facts.getSyncCase().getId(), facts, null);
    }

    public static CaseEntry failed(String source, String caseId, InputException problem) {
        return new CaseEntry(source, caseId, null, problem);
    }

    public boolean ok() {
        return problem == null;
    }
}
