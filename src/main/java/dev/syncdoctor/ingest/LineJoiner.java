package dev.syncdoctor.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Joins the lines of one message that a layout broke apart, and keeps separate messages on separate
 * lines (the last step of {@link TextNormaliser}). A line goes on in the next one when
 * <ul>
 * <li>both lie in one emphasis span (decided by the caller);</li>
 * <li>the line ends with a function word ("was", "the", ...), a known label ("Message:", "the following
 * error:", ...), an opening bracket, or a comma after error text; or the next line starts with a
 * lower-case letter (after no sentence end), a closing bracket or {@code ---};</li>
 * <li>the next line carries on a documented multi-line message ({@link MultiLineForms});</li>
 * <li>a mail or chat client wrapped it: in a text whose lines stop at a margin of
 * {@value #MIN_MARGIN}-{@value #MAX_MARGIN} columns, a line near the margin (or far from it before a
 * long token, or a URL longer than it) that ends no sentence and after which the next word would not
 * have fit. A URL or GUID cut at the margin is joined without a space; a paragraph a terminal cut at a
 * fixed column, inside words, is joined without spaces.</li>
 * </ul>
 * Joined lines are joined again until nothing changes (a join can make a line that joins further), so
 * the result is a fixed point; every round is one forward scan.
 */
final class LineJoiner {
    static final int MIN_MARGIN = 50;
    static final int MAX_MARGIN = 80;
    /** How far short of the margin a wrapped line may stop (the next word did not fit). */
    private static final int RAGGED = 22;
    private static final int MAX_ROUNDS = 8;

    /** Words a sentence does not end on: a line ending with one was hard-wrapped. */
    private static final Set<String> FUNCTION_WORDS = new HashSet<>(Arrays.asList(
            "a", "an", "the", "to", "of", "for", "with", "from", "in", "at", "on", "by", "and", "or",
            "was", "is", "are", "were", "be", "been", "not", "that", "this", "if", "as", "into", "than",
            "could", "couldn't", "can't", "cannot", "does", "did", "has", "have", "had", "its", "wasn't"));

    /** Labels (case as written) after which an error text goes on in the next line. */
    private static final Set<String> LABELS = new HashSet<>(Arrays.asList(
            "Message:", "ErrorMessage:", "Stacktrace:", "StackTrace:", "Error:", "Exception:", "Details:",
            "ErrorsDetails:", "ErrorDetails:", "Description:", "MSG:", "Reason:"));

    /** Endings (lower case) after which an error text goes on in the next line. */
    private static final String[] LABEL_ENDINGS = {
        "following are the details:", "error details:", ", the following error:", "for the field:",
        " not found:", "wasn't found:", "data exists:", "indicate success:", "record id:",
        "from plug-in (execute):"
    };

    /** Last words of an analyst's line that points at the text pasted after it ("see below"). */
    private static final Set<String> POINTERS = new HashSet<>(Arrays.asList("below", "above", "here", "attached"));

    /** Starts of lines (lower case) that open something of their own: mail headers, list items. */
    private static final String[] OWN_STARTS = {
        "from:", "sent:", "to:", "cc:", "subject:", "date:", "- ", "* ", "thanks", "thank you", "regards", "best",
        "cheers", "br,", "kind regards"
    };

    private enum Join { NO, SPACE, NO_SPACE }

    private LineJoiner() {
    }

    /**
     * The lines joined; {@code joinNext[i]} forces line i to go on in line i+1 (both inside one emphasis
     * span). Empty lines separate paragraphs; runs of them become one blank line.
     */
    static String join(List<String> lines, boolean[] joinNext) {
        int[] joins = new int[1];
        String text = joinOnce(lines, joinNext, joins);
        // A round that joined nothing is already the fixed point: the next would see the same lines and
        // paragraphs (most texts: each error on its own line) and decide alike.
        for (int round = 1; round < MAX_ROUNDS && joins[0] > 0; round++) {
            List<String> again = Arrays.asList(text.split("\n", -1));
            joins[0] = 0;
            String next = joinOnce(again, new boolean[again.size() + 1], joins);
            if (next.equals(text)) {
                return next;
            }
            text = next;
        }
        return text;
    }

    /** One forward scan; adds to {@code joins[0]} how many lines it joined onto the one before. */
    private static String joinOnce(List<String> lines, boolean[] joinNext, int[] joins) {
        int[] margin = margins(lines);
        StringBuilder out = new StringBuilder();
        StringBuilder current = null;
        String last = null;
        boolean currentErrorLike = false;
        boolean forced = false;
        boolean blankPending = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                if (current != null) {
                    flush(out, current);
                    current = null;
                }
                blankPending = out.length() > 0;
                forced = false;
                continue;
            }
            Join join = current == null ? Join.NO
                    : forced ? Join.SPACE : continues(current, last, currentErrorLike, line, margin[i]);
            if (join != Join.NO) {
                // Only whether the joined line is error-like matters: skip the tests once it is.
                boolean errorLike = currentErrorLike || errorLikeSeam(current, line) || ErrorWords.in(line);
                if (join == Join.SPACE) {
                    current.append(' ');
                }
                current.append(line);
                joins[0]++;
                currentErrorLike = errorLike;
            } else {
                if (current != null) {
                    flush(out, current);
                }
                if (blankPending) {
                    out.append('\n');
                    blankPending = false;
                }
                current = new StringBuilder(line);
                currentErrorLike = ErrorWords.in(line);
            }
            last = line;
            forced = joinNext[i];
        }
        if (current != null) {
            flush(out, current);
        }
        return out.toString();
    }

    /**
     * Per line, the right margin of the text (a mail client wraps a whole message at one width): the
     * longest line that a mail or chat client could have wrapped ({@value #MIN_MARGIN}-{@value #MAX_MARGIN}
     * columns), 0 when none is; -1 for the lines of a paragraph cut at a fixed column.
     */
    private static int[] margins(List<String> lines) {
        int[] margin = new int[lines.size()];
        int m = 0;
        for (String line : lines) {
            if (line.length() <= MAX_MARGIN && line.length() > m) {
                m = line.length();
            }
        }
        Arrays.fill(margin, m >= MIN_MARGIN ? m : 0);
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).isEmpty()) {
                if (cutAtColumn(lines, start, i, m)) {
                    Arrays.fill(margin, start, i, -1);
                }
                start = i + 1;
            }
        }
        return margin;
    }

    /**
     * A paragraph a chat window or terminal cut at a fixed column, inside words: three lines or more,
     * every line but the last of one length of {@value #MIN_MARGIN} columns or more, the last no longer,
     * no line of the text ({@code longest}: the longest up to {@value #MAX_MARGIN} columns) longer than
     * that column, and breaks that read as cuts. A mail client wrapping at spaces makes lines of one
     * length often enough; its breaks fall between whole words, so a break at a function word ("with" /
     * "values") is a wrap. A cut may split off a function word by chance ("th" / "is"), so the
     * paragraph is a wrap only when half its breaks or more are at one; a break no wrap makes (a line
     * starting with closing punctuation, a line ending with an opening bracket) settles it as a cut.
     */
    private static boolean cutAtColumn(List<String> lines, int from, int to, int longest) {
        if (to - from < 3) {
            return false;
        }
        int width = lines.get(from).length();
        if (width < MIN_MARGIN || lines.get(to - 1).length() > width || longest > width) {
            return false;
        }
        for (int k = from + 1; k < to - 1; k++) {
            if (lines.get(k).length() != width) {
                return false;
            }
        }
        int atWords = 0;
        for (int k = from; k < to - 1; k++) {
            String before = lines.get(k);
            String after = lines.get(k + 1);
            if (".,;:)]}".indexOf(after.charAt(0)) >= 0 || "([{".indexOf(before.charAt(before.length() - 1)) >= 0) {
                return true;
            }
            if (isFunctionWord(lastToken(before)) || isFunctionWord(firstToken(after))) {
                atWords++;
            }
        }
        return 2 * atWords < to - from - 1;
    }

    /** A function word of two letters or more ("a" is too often a piece of a cut word). */
    private static boolean isFunctionWord(String token) {
        return token.length() >= 2 && FUNCTION_WORDS.contains(token.toLowerCase(Locale.ROOT));
    }

    private static void flush(StringBuilder out, StringBuilder line) {
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(line);
    }

    /** Whether {@code next} continues {@code prev} (whose last line is {@code last}), and how. */
    private static Join continues(CharSequence prev, String last, boolean prevErrorLike, String next, int margin) {
        if (margin < 0) {
            return Join.NO_SPACE; // a paragraph cut at a fixed column, inside words
        }
        Join wrapped = wrappedAtMargin(last, prevErrorLike, next, margin);
        if (wrapped != Join.NO) {
            return wrapped;
        }
        char first = next.charAt(0);
        char end = prev.charAt(prev.length() - 1);
        if (next.startsWith("---") || ")]},;".indexOf(first) >= 0) {
            return Join.SPACE;
        }
        boolean sentenceEnd = end == '.' || end == '!' || end == '?';
        if (Character.isLowerCase(first) && !sentenceEnd) {
            return Join.SPACE;
        }
        if ("([{=&/\\".indexOf(end) >= 0) {
            return Join.SPACE;
        }
        if (end == ',' && prevErrorLike) {
            return Join.SPACE;
        }
        String lastToken = lastToken(prev);
        if (FUNCTION_WORDS.contains(lastToken.toLowerCase(Locale.ROOT))) {
            return Join.SPACE;
        }
        if (end == ':') {
            if (LABELS.contains(lastToken)) {
                return Join.SPACE;
            }
            String tail = tail(prev, 40).toLowerCase(Locale.ROOT);
            for (String ending : LABEL_ENDINGS) {
                if (tail.endsWith(ending)) {
                    return Join.SPACE;
                }
            }
            if (endsWithPluginType(prev, lastToken)) {
                return Join.SPACE;
            }
        }
        return MultiLineForms.continues(prev, next) ? Join.SPACE : Join.NO;
    }

    /**
     * "Unexpected exception from plug-in (Execute): Microsoft...PreCommitPlugin:": the plug-in's type
     * name, whose message follows.
     */
    private static boolean endsWithPluginType(CharSequence prev, String lastToken) {
        String label = "from plug-in (execute):";
        int before = prev.length() - lastToken.length() - 1;
        return lastToken.indexOf('.') > 0 && before >= label.length() && prev.charAt(before) == ' '
                && prev.subSequence(before - label.length(), before).toString().equalsIgnoreCase(label);
    }

    /**
     * A line a client wrapped at the margin: the next word did not fit; a cut URL or GUID goes on without
     * a space. A line may stop far short of the margin when the next token is long (a bracketed GUID, an
     * exception's type name): then it must end in a word and the next line must reach the margin, as a
     * wrapped line does. A URL longer than the margin has a line of its own, and the short rest of the
     * paragraph on the next line goes on.
     */
    private static Join wrappedAtMargin(String last, boolean prevErrorLike, String next, int margin) {
        if (margin == 0) {
            return Join.NO;
        }
        boolean overflow = last.length() > margin;
        if (overflow && !isLongUrl(last)) {
            return Join.NO;
        }
        String firstToken = firstToken(next);
        if (!overflow && last.length() + 1 + firstToken.length() <= margin) {
            return Join.NO; // the next word would have fit: the line was broken on purpose
        }
        char end = last.charAt(last.length() - 1);
        if (last.length() < margin - RAGGED) {
            boolean endsInWord = Character.isLetterOrDigit(end) || end == ':' && prevErrorLike;
            boolean nextAtMargin = next.length() >= margin - RAGGED && next.length() <= margin;
            if (!endsInWord || !nextAtMargin || POINTERS.contains(lastToken(last).toLowerCase(Locale.ROOT))) {
                return Join.NO; // short on purpose: a line of its own, or a paragraph not wrapped here
            }
        }
        if (overflow && next.length() >= margin - RAGGED) {
            return Join.NO; // the rest of a wrapped paragraph is short; a long line may be the next error
        }
        String lastToken = lastToken(last);
        if (cutToken(lastToken, firstToken)) {
            return Join.NO_SPACE;
        }
        boolean sentenceEnd = ".!?".indexOf(end) >= 0 && !(overflow && last.endsWith("..."));
        if (sentenceEnd || end == ':' && !prevErrorLike
                || TextScan.startsWithAny(next.toLowerCase(Locale.ROOT), OWN_STARTS) && !isStatusMark(next)) {
            return Join.NO;
        }
        return Join.SPACE;
    }

    /** One URL alone on a line, longer than the margin: no client could break it. */
    private static boolean isLongUrl(String line) {
        return (line.startsWith("https://") || line.startsWith("http://")) && line.indexOf(' ') < 0;
    }

    /** "- Failed" wrapped onto a line of its own: the status of the check before it, not a list item. */
    private static boolean isStatusMark(String line) {
        return line.equalsIgnoreCase("- Failed") || line.equalsIgnoreCase("- Failed.");
    }

    /** A URL or a GUID cut in two: the evidence is the token itself. */
    private static boolean cutToken(String before, String after) {
        if (after.isEmpty()) {
            return false;
        }
        if ((before.startsWith("https://") || before.startsWith("http://")) && ".,;:!?)\"'".indexOf(before.charAt(before.length() - 1)) < 0) {
            for (int i = 0; i < after.length(); i++) {
                if ("/?&=$%_.#-".indexOf(after.charAt(i)) >= 0 || Character.isDigit(after.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
        int a = before.length();
        while (a > 0 && isGuidChar(before.charAt(a - 1))) {
            a--;
        }
        int b = 0;
        while (b < after.length() && isGuidChar(after.charAt(b))) {
            b++;
        }
        String joined = before.substring(a) + after.substring(0, b);
        return a < before.length() && b > 0 && joined.length() >= 36 && TextScan.isGuidAt(joined, 0);
    }

    private static boolean isGuidChar(char c) {
        return c == '-' || Character.digit(c, 16) >= 0;
    }

    private static String firstToken(String s) {
        int end = s.indexOf(' ');
        return end < 0 ? s : s.substring(0, end);
    }

    private static String lastToken(CharSequence s) {
        int end = s.length();
        int start = end;
        while (start > 0 && s.charAt(start - 1) != ' ') {
            start--;
        }
        return s.subSequence(start, end).toString();
    }

    private static String tail(CharSequence s, int max) {
        return s.subSequence(Math.max(0, s.length() - max), s.length()).toString();
    }

    private static boolean errorLikeSeam(CharSequence prev, String next) {
        String seam = tail(prev, ErrorWords.LONGEST) + " " + next.substring(0, Math.min(next.length(), ErrorWords.LONGEST));
        return ErrorWords.in(seam);
    }
}
