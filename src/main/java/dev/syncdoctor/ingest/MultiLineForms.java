package dev.syncdoctor.ingest;

import java.util.Locale;

/**
 * The documented messages that are printed over several lines, one sentence a line, as stages in
 * order: a line that starts with a later stage of the form the previous line is in goes on in it
 * ("Cannot save the changes to the database." / "Unit of Work can not commit transaction." / "Unable
 * to write data to entity accounts." / "Writes to ... failed with error message ..."). A stage marked
 * repeatable may follow itself ("Infolog diagnostic message: ..." lines, "Missing destination field ..."
 * lines). A line that starts a form's first stage again starts a new message. One-line messages whose
 * sentences a wrap often separates ("... has version mismatch." / "Version: ...") are forms too.
 */
final class MultiLineForms {

    /** One stage: its line starts (lower case) and whether it may follow itself. */
    private record Stage(boolean repeatable, String... starts) {
    }

    private static final Stage[][] FORMS = {
        {
            new Stage(false, "cannot save the changes to the database"),
            new Stage(false, "unit of work can not commit transaction", "unit of work cannot commit transaction"),
            new Stage(false, "unable to write data to entity"),
            new Stage(true, "unable to lookup ", "unable to look up "),
            new Stage(false, "writes to ")
        },
        {
            new Stage(true, "infolog diagnostic message"),
            new Stage(false, "application configuration sync failed"),
            new Stage(false, "microsoft.dynamics.ax.framework.database.tablesyncexception")
        },
        {
            // "... solution 'X' has version mismatch." / "Version: '1.0.0.0' Required version: '2.0.133'"
            new Stage(false, "has version mismatch"),
            new Stage(false, "version: "),
            new Stage(false, "required version: ")
        },
        {
            // "... response message: Product id is mandatory." / "Select a product from the catalog."
            new Stage(false, "product id is mandatory"),
            new Stage(false, "select a product from the catalog")
        },
        {
            new Stage(false, "project validation failed"),
            new Stage(true, "missing destination field", "missing source field")
        }
    };

    private MultiLineForms() {
    }

    /** Whether {@code next} carries on the documented multi-line message {@code prev} ends with. */
    static boolean continues(CharSequence prev, String next) {
        for (Stage[] form : FORMS) {
            int nextStage = stageAtStart(form, next);
            if (nextStage < 0) {
                continue;
            }
            int prevStage = lastStage(form, tail(prev).toLowerCase(Locale.ROOT));
            if (prevStage >= 0 && (prevStage < nextStage || prevStage == nextStage && form[nextStage].repeatable())) {
                return true;
            }
            // "Customers V3 (accounts):" on its own line names the map of the validation that follows.
            return form == FORMS[FORMS.length - 1] && nextStage == 0 && endsWithMapPrefix(prev);
        }
        return false;
    }

    /** The stage the line starts with, or -1 (ignoring the line's case: most lines start no stage). */
    private static int stageAtStart(Stage[] form, String line) {
        for (int s = 0; s < form.length; s++) {
            for (String start : form[s].starts()) {
                if (line.regionMatches(true, 0, start, 0, start.length())) {
                    return s;
                }
            }
        }
        return -1;
    }

    /** The stage whose text occurs last in the line, or -1. */
    private static int lastStage(Stage[] form, String lower) {
        int best = -1;
        int at = -1;
        for (int s = 0; s < form.length; s++) {
            for (String start : form[s].starts()) {
                int i = lower.lastIndexOf(start);
                if (i > at) {
                    at = i;
                    best = s;
                }
            }
        }
        return best;
    }

    /** The end of a long message is where its last stage is: a bounded look back keeps each test cheap. */
    private static String tail(CharSequence s) {
        return s.subSequence(Math.max(0, s.length() - 2000), s.length()).toString();
    }

    /** "Customers V3 (accounts):" — a map and its entity set, ending the line. */
    private static boolean endsWithMapPrefix(CharSequence prev) {
        int n = prev.length();
        if (n < 5 || prev.charAt(n - 1) != ':' || prev.charAt(n - 2) != ')') {
            return false;
        }
        int open = -1;
        for (int i = n - 3; i >= 0 && i >= n - 100; i--) {
            char c = prev.charAt(i);
            if (c == '(') {
                open = i;
                break;
            }
            if (!(Character.isLowerCase(c) || Character.isDigit(c) || c == '_')) {
                return false;
            }
        }
        return open > 1 && prev.charAt(open - 1) == ' ';
    }
}
