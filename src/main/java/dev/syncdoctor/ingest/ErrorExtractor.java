package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.model.SyncLeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the errors in a normalised text (see {@link TextNormaliser}) and reads their structured parts:
 * {@link Segmenter} cuts the text into units of one error (or one initial-sync wrapper), context lines
 * ({@link ContextLines}: wrapper headlines, labels, stack frames, mail headers) are set aside, and each
 * unit is read by the parser for its shape ({@link WrapperParser}, {@link ShortMessage} with
 * {@link HttpStatus}, {@link RecordLine} and {@link CheckUrls}). Units that read like the user's own
 * prose are dropped ({@link ProseFilter}), unless nothing in the text looks like an error and nothing
 * was context: then the whole text is one error, so nothing the user brought is lost. Stateless and
 * thread-safe; every scan is linear or bounded per position.
 */
public final class ErrorExtractor {
    private ErrorExtractor() {
    }

    /** Extracts the errors, legs and context of one text, normalised by {@link TextNormaliser}. */
    public static ExtractedText extract(String normalisedText) {
        List<SyncError> errors = new ArrayList<>();
        List<SyncLeg> legs = new ArrayList<>();
        String status = null;
        if (normalisedText == null || normalisedText.isBlank()) {
            return new ExtractedText(errors, legs, null, null);
        }
        String text = normalisedText.indexOf('\r') >= 0 ? TextNormaliser.normalise(normalisedText) : normalisedText;
        boolean context = false;
        String contextMap = null;
        for (Segmenter.Piece piece : Segmenter.pieces(text)) {
            if (ContextLines.isContextOnly(piece.text)) {
                context = true;
                if (contextMap == null) {
                    contextMap = ContextLines.mapOf(piece.text);
                }
                continue;
            }
            List<SyncError> found;
            if (piece.wrapper) {
                WrapperParser.Parsed parsed = WrapperParser.parse(piece.text, piece.lower);
                found = parsed.errors();
                legs.addAll(parsed.legs());
                status = status == null ? parsed.status() : status;
            } else {
                found = List.of(ShortMessage.read(piece.text));
            }
            for (SyncError e : found) {
                if (ContextLines.isContextOnly(e.getMessage())) {
                    context = true;
                } else if (piece.wrapper || ProseFilter.isErrorLike(e, piece.text, piece.lower)) {
                    errors.add(e);
                }
            }
        }
        if (errors.isEmpty() && !context) {
            // Nothing looked like an error: the whole text is the error, so nothing is dropped.
            errors.add(ShortMessage.read(Segmenter.flatten(text)));
        }
        String mapName = contextMap;
        for (int i = 0; i < errors.size(); i++) {
            SyncError e = errors.get(i);
            e.setId("e" + (i + 1));
            if (mapName == null && e.getMapName() != null) {
                mapName = e.getMapName();
            }
        }
        return new ExtractedText(errors, legs, status, mapName);
    }
}
