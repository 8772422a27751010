package dev.syncdoctor.ingest;

import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.SyncCase;
import dev.syncdoctor.model.SyncError;

/** Reads raw error text (as pasted, or a case file's error texts) into a case: normalised, then extracted. */
final class TextCaseReader {
    private TextCaseReader() {
    }

    /** A case from raw text; caseId defaults to the stem of the source's file name. */
    static CaseFacts fromText(String source, String caseId, String text) {
        String id = caseId == null || caseId.isBlank() ? InputFormat.stem(source == null ? "" : source) : caseId;
        CaseFacts facts = new CaseFacts(source, new SyncCase(id));
        addText(facts, text);
        return facts;
    }

    /** Adds the errors and legs of one more text to a case, numbering errors on from the case's last. */
    static void addText(CaseFacts facts, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        ExtractedText x = ErrorExtractor.extract(TextNormaliser.normalise(text));
        SyncCase c = facts.getSyncCase();
        for (SyncError e : x.errors()) {
            facts.addError(e);
        }
        facts.getLegs().addAll(x.legs());
        if (c.getMapName() == null && x.mapName() != null) {
            c.setMapName(x.mapName());
        }
        if (c.getCompletionStatus() == null && x.completionStatus() != null) {
            c.setCompletionStatus(x.completionStatus());
        }
    }
}
