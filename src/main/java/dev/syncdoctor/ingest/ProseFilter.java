package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static dev.syncdoctor.ingest.TextScan.*;

/**
 * Tells the user's own sentences from error text: a piece with strong evidence (an HTTP status, a
 * code, a lookup field, a stack frame, a check URL) is an error; one with only error words is not when
 * it reads like prose (a question, an introduction ending with ':', first-person, greeting and
 * story-telling words no documented error uses).
 */
final class ProseFilter {

    private static final Set<String> CONVERSATIONAL = new HashSet<>(Arrays.asList(
            "i", "i'm", "i've", "we", "we're", "we've", "our", "us", "my", "me", "hi", "hello", "hey", "dear",
            "thanks", "thank", "anyone", "somebody", "idea", "ideas", "regards",
            // How users tell what happens, in words no documented error text uses: "fails every morning since ..."
            "fails", "failing", "keeps", "kept", "morning", "yesterday", "tonight", "every", "since", "tried",
            "attached", "screenshot", "below", "stuck"));

    /** Whether an error read from a piece of text is one: strong evidence, or error words and no sign of prose. */
    static boolean isErrorLike(SyncError e, String text, String lower) {
        boolean strong = e.getHttpStatus() != 0 || !e.getCodes().isEmpty() || e.getPlatformCode() != null
                || e.getLookupField() != null || e.getStackTop() != null || e.getComponent() != null
                || !e.getCheckUrls().isEmpty();
        if (strong || lower.contains("exception") || lower.contains("stack trace")) {
            return true;
        }
        if (!ErrorWords.in(text)) {
            return false;
        }
        return !isConversational(text);
    }

    /** User prose: a question, an introduction ending with ':', or first-person and greeting words. */
    private static boolean isConversational(String text) {
        char last = text.charAt(text.length() - 1);
        if (last == '?' || last == ':') {
            return true;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            if (i > start && i - start <= 8
                    && CONVERSATIONAL.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '\'';
    }

    private ProseFilter() {
    }
}
