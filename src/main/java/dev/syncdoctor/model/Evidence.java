package dev.syncdoctor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One piece of evidence behind a finding: either a span of the error text as the user gave it (after
 * normalisation), quoted with where it was found, or a named value of the case context ("case: ...").
 * Rules state what they look for; a fragment the text does not contain is no evidence and is left out.
 */
public record Evidence(String text, String errorId, int start, int end) {
    /** The prefix rules give a piece that is a value of the case (or a conclusion drawn from several facts), not a text span. */
    public static final String CONTEXT = "case: ";
    private static final int MAX_JOINED_SPAN = 200;
    private static final int MAX_FALLBACK_QUOTE = 120;

    public boolean isSpan() {
        return errorId != null;
    }

    /** Where it was found, for explanations: "e1, characters 57-74", or "case context". */
    public String where() {
        return isSpan() ? errorId + ", characters " + start + "-" + end + " of the normalised message" : "case context";
    }

    /**
     * The evidence of a finding, from the pieces its rule states. A piece is split at "..." into
     * fragments that must appear in the message in order; found, they are quoted as one span (or one
     * span each when far apart). Pieces starting with "case: " are context values; so is every piece of a
     * finding without an error. When no piece is in the text, the start of the message is quoted, so a
     * finding on an error always shows some of it.
     */
    public static List<Evidence> of(SyncError error, List<String> pieces) {
        List<Evidence> out = new ArrayList<>(pieces.size());
        for (String piece : pieces) {
            if (piece == null || piece.isBlank()) {
                continue;
            }
            if (error == null || piece.startsWith(CONTEXT)) {
                String value = piece.startsWith(CONTEXT) ? piece : CONTEXT + piece;
                addOnce(out, new Evidence(value, null, -1, -1));
            } else {
                for (Evidence e : spans(error, piece)) {
                    addOnce(out, e);
                }
            }
        }
        if (error != null && out.stream().noneMatch(Evidence::isSpan) && !error.getMessage().isEmpty()) {
            String m = error.getMessage();
            int end = Math.min(m.length(), MAX_FALLBACK_QUOTE);
            out.add(0, new Evidence(m.substring(0, end), error.getId(), 0, end));
        }
        return List.copyOf(out);
    }

    private static List<Evidence> spans(SyncError error, String piece) {
        String message = error.getMessage();
        String lower = error.lowerMessage();
        List<int[]> found = new ArrayList<>();
        int from = 0;
        for (String fragment : piece.split("\\.\\.\\.")) {
            String f = fragment.strip().toLowerCase(Locale.ROOT);
            if (f.isEmpty()) {
                continue;
            }
            int at = lower.indexOf(f, from);
            if (at < 0) {
                return List.of();
            }
            found.add(new int[] {at, at + f.length()});
            from = at + f.length();
        }
        if (found.isEmpty()) {
            return List.of();
        }
        int start = found.get(0)[0];
        int end = found.get(found.size() - 1)[1];
        List<Evidence> out = new ArrayList<>(found.size());
        if (end - start <= MAX_JOINED_SPAN) {
            out.add(new Evidence(message.substring(start, end), error.getId(), start, end));
        } else {
            for (int[] s : found) {
                out.add(new Evidence(message.substring(s[0], s[1]), error.getId(), s[0], s[1]));
            }
        }
        return out;
    }

    private static void addOnce(List<Evidence> out, Evidence e) {
        for (Evidence x : out) {
            if (x.text().equalsIgnoreCase(e.text())) {
                return;
            }
        }
        out.add(e);
    }
}
