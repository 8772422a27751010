package dev.syncdoctor.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns error text as users paste it (from the docs page's markdown, web pages, e-mails, tickets) into
 * one canonical form that extractors and rules can rely on.
 *
 * <ol>
 * <li>CRLF and CR become LF; typographic quotes become ASCII quotes; tabs, no-break and other
 * horizontal spaces become spaces; zero-width characters and stray control characters go.</li>
 * <li>Markdown escapes go: a backslash (or a run of them) before {@code [ ] _ < > * `} is dropped, a run
 * of backslashes before any other character becomes one ({@code X:\\bt} becomes {@code X:\bt}), and a
 * backslash before a leading {@code ---} is dropped.</li>
 * <li>Every line is trimmed, loses the quote prefixes of a mail reply ({@code > }, {@code > > }) and
 * has its runs of spaces folded to one.</li>
 * <li>Inline code spans lose their backticks; emphasis markers ({@code *}, {@code _}, runs of them) that
 * open at the start of a line and close at the end of the same or a later line of the same paragraph
 * go; code fence lines become blank lines.</li>
 * <li>Lines of one message that a layout broke apart are joined ({@link LineJoiner}: hard wraps, mail
 * and chat wraps, documented multi-line messages); separate errors on separate lines stay apart; runs
 * of blank lines become one blank line.</li>
 * </ol>
 * The result is a fixed point: {@code normalise(normalise(x)).equals(normalise(x))}. Every step is a
 * single forward scan, so the time is linear in the input.
 */
public final class TextNormaliser {

    private static final int MAX_WRAP_ROUNDS = 8;
    /** Most mail clients quote a reply with "> " per level; a paste may keep them. */
    private static final char QUOTE = '>';
    private static final String ESCAPABLE = "[]_<>*`";
    private static final String MARKERS = "*_";
    private static final String CODE_OPEN_BEFORE = "([{\"'*_";
    private static final String CODE_CLOSE_AFTER = ".,;:!?)]}\"'*_";

    private TextNormaliser() {
    }

    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = clean(raw);
        s = unescape(s);
        List<String> lines = splitAndFold(s);
        // Emphasis and code spans may wrap each other ("*`x`*", "`*x*`"): strip until nothing changes
        // (real texts need one or two rounds; the bound keeps adversarial nesting linear).
        boolean[] joinNext = new boolean[lines.size() + 1];
        for (int round = 0; round < MAX_WRAP_ROUNDS; round++) {
            boolean changed = stripCodeSpans(lines);
            boolean[] spans = stripEmphasis(lines);
            for (int i = 0; i < lines.size(); i++) {
                if (spans[i]) {
                    joinNext[i] = true;
                }
            }
            changed |= spans[lines.size()];
            changed |= stripQuotePrefixes(lines); // "*> text*": a quote prefix inside emphasis
            if (!changed) {
                break;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isFence(line)) {
                lines.set(i, "");
                joinNext[i] = false;
                if (i > 0) {
                    joinNext[i - 1] = false;
                }
            } else {
                lines.set(i, stripLeadingBackslashRule(line));
            }
        }
        return LineJoiner.join(lines, joinNext);
    }

    // ---- step 1: line ends, quotes, spaces, control characters

    private static String clean(String raw) {
        int n = raw.length();
        int first = 0;
        while (first < n && isPlain(raw.charAt(first))) {
            first++;
        }
        if (first == n) {
            return raw; // the usual case: nothing to change, no copy
        }
        // A char buffer, not a StringBuilder: appending char by char to a compact string re-checks each one.
        // Written in place: no character becomes more than one.
        char[] in = raw.toCharArray();
        char[] out = in;
        int len = first;
        for (int i = first; i < n; i++) {
            char c = in[i];
            if (isPlain(c)) {
                out[len++] = c;
                continue;
            }
            switch (c) {
                case '\r':
                    out[len++] = '\n';
                    if (i + 1 < n && in[i + 1] == '\n') {
                        i++;
                    }
                    break;
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    out[len++] = '\n';
                    break;
                case '\u2018':
                case '\u2019':
                case '\u201A':
                case '\u201B':
                case '\u2032':
                    out[len++] = '\'';
                    break;
                case '\u201C':
                case '\u201D':
                case '\u201E':
                case '\u201F':
                case '\u2033':
                    out[len++] = '"';
                    break;
                case '\u200B':
                case '\u200C':
                case '\u200D':
                case '\u2060':
                case '\uFEFF':
                case '\u00AD':
                    break;
                default:
                    if (c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c == '\u1680'
                            || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F'
                            || c == '\u3000') {
                        out[len++] = ' ';
                    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                        out[len++] = ' ';
                    } else {
                        out[len++] = c;
                    }
            }
        }
        return new String(out, 0, len);
    }

    /** Printable ASCII and line feeds: what clean() keeps as it is. */
    private static boolean isPlain(char c) {
        return (c >= 0x20 && c < 0x7F) || c == '\n';
    }

    // ---- step 2: markdown escapes

    private static String unescape(String s) {
        int firstBackslash = s.indexOf('\\');
        if (firstBackslash < 0) {
            return s;
        }
        // Compacted in place: every step writes no more characters than it reads.
        char[] c = s.toCharArray();
        int n = c.length;
        int len = firstBackslash;
        int i = firstBackslash;
        while (i < n) {
            char ch = c[i];
            if (ch != '\\') {
                c[len++] = ch;
                i++;
                continue;
            }
            int j = i;
            while (j < n && c[j] == '\\') {
                j++;
            }
            boolean escapesNext = j < n && ESCAPABLE.indexOf(c[j]) >= 0;
            if (!escapesNext) {
                c[len++] = '\\';
            }
            i = j;
        }
        return new String(c, 0, len);
    }

    // ---- step 3: lines, trimmed, spaces folded

    private static List<String> splitAndFold(String s) {
        List<String> lines = new ArrayList<>();
        // One copy of the text as chars: the per-character tests below then cost no String.charAt each.
        char[] chars = s.toCharArray();
        int n = chars.length;
        int start = 0;
        while (true) {
            int end = s.indexOf('\n', start);
            if (end < 0) {
                lines.add(fold(chars, start, n));
                return lines;
            }
            lines.add(fold(chars, start, end));
            start = end + 1;
        }
    }

    /**
     * One line trimmed, without the quote prefixes of a mail reply ("> ", "> > ", ">>"), with runs of
     * spaces folded to one.
     */
    private static String fold(char[] s, int from, int to) {
        while (from < to && s[from] == ' ') {
            from++;
        }
        while (from < to && s[from] == QUOTE && (from + 1 == to || s[from + 1] == ' ' || s[from + 1] == QUOTE)) {
            from++;
            while (from < to && s[from] == ' ') {
                from++;
            }
        }
        while (to > from && s[to - 1] == ' ') {
            to--;
        }
        boolean space = false;
        int write = from;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c != ' ' || !space) {
                s[write++] = c; // folding in place: the write position never passes the read position
            }
            space = c == ' ';
        }
        return new String(s, from, write - from);
    }

    /** Strips quote prefixes that other steps uncovered; whether any line changed. */
    private static boolean stripQuotePrefixes(List<String> lines) {
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty() && line.charAt(0) == QUOTE) {
                String folded = fold(line.toCharArray(), 0, line.length());
                if (folded.length() != line.length()) {
                    lines.set(i, folded);
                    changed = true;
                }
            }
        }
        return changed;
    }

    // ---- step 4a: inline code spans

    /** Strips code spans per paragraph, so joining its lines later can never form a new span. */
    private static boolean stripCodeSpans(List<String> lines) {
        boolean changed = false;
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isEmpty()) {
                i++;
                continue;
            }
            int j = i;
            boolean tick = false;
            while (j < lines.size() && !lines.get(j).isEmpty()) {
                tick |= lines.get(j).indexOf('`') >= 0;
                j++;
            }
            if (tick) {
                String paragraph = String.join("\n", lines.subList(i, j));
                String result = stripCodeSpans(paragraph);
                if (result.length() != paragraph.length()) {
                    changed = true;
                    String[] stripped = result.split("\n", -1);
                    for (int k = 0; k < stripped.length; k++) {
                        lines.set(i + k, stripped[k]);
                    }
                }
            }
            i = j;
        }
        return changed;
    }

    private static String stripCodeSpans(String line) {
        if (line.indexOf('`') < 0) {
            return line;
        }
        int n = line.length();
        // Every run of backticks: start, length, whether it can close a span. A span is an opening run
        // and the next closing run of the same length; found with one forward pointer per length.
        List<int[]> runs = new ArrayList<>();
        for (int i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i)) {
            int end = runEnd(line, i, '`');
            boolean closer = i > 0 && !isSpace(line.charAt(i - 1)) && (end == n || isCloseBoundary(line.charAt(end)));
            runs.add(new int[] {i, end - i, closer ? 1 : 0});
            i = end;
        }
        java.util.Map<Integer, int[]> pointer = new java.util.HashMap<>();
        java.util.Map<Integer, List<Integer>> closersByLength = new java.util.HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r)[2] == 1) {
                closersByLength.computeIfAbsent(runs.get(r)[1], k -> new ArrayList<>()).add(r);
            }
        }
        StringBuilder sb = new StringBuilder(n);
        int copied = 0;
        int r = 0;
        while (r < runs.size()) {
            int[] run = runs.get(r);
            int start = run[0];
            int len = run[1];
            int end = start + len;
            boolean opener = (start == 0 || isOpenBoundary(line.charAt(start - 1))) && end < n && !isSpace(line.charAt(end));
            int close = -1;
            if (opener) {
                List<Integer> closers = closersByLength.get(len);
                if (closers != null) {
                    int[] p = pointer.computeIfAbsent(len, k -> new int[1]);
                    while (p[0] < closers.size() && closers.get(p[0]) <= r) {
                        p[0]++;
                    }
                    if (p[0] < closers.size()) {
                        close = closers.get(p[0]);
                    }
                }
            }
            if (close >= 0) {
                int[] c = runs.get(close);
                sb.append(line, copied, start).append(line, end, c[0]);
                copied = c[0] + c[1];
                r = close + 1;
            } else {
                r++;
            }
        }
        sb.append(line, copied, n);
        return sb.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n';
    }

    private static boolean isOpenBoundary(char c) {
        return isSpace(c) || CODE_OPEN_BEFORE.indexOf(c) >= 0;
    }

    private static boolean isCloseBoundary(char c) {
        return isSpace(c) || CODE_CLOSE_AFTER.indexOf(c) >= 0;
    }

    private static int runEnd(String s, int from, char c) {
        int j = from;
        while (j < s.length() && s.charAt(j) == c) {
            j++;
        }
        return j;
    }

    // ---- step 4b: emphasis around (parts of) paragraphs

    /**
     * Strips emphasis runs that open at a line start and close at a line end of the same paragraph,
     * matched like brackets (innermost first). Returns, per line, whether it must be joined with the next
     * line because both lie in one emphasis span.
     */
    private static boolean[] stripEmphasis(List<String> lines) {
        int n = lines.size();
        int[] spans = new int[n + 1];
        int[] openLine = new int[n];
        String[] openMarker = new String[n];
        int depth = 0;
        boolean anyPair = false;
        for (int i = 0; i <= n; i++) {
            String line = i < n ? lines.get(i) : "";
            if (line.isEmpty()) {
                // End of a paragraph: openers never closed were not emphasis; put them back.
                while (depth > 0) {
                    depth--;
                    lines.set(openLine[depth], openMarker[depth] + lines.get(openLine[depth]));
                }
                continue;
            }
            int open = markerPrefix(line);
            int close = markerSuffix(line, open);
            if (open > 0) {
                openLine[depth] = i;
                openMarker[depth] = line.substring(0, open);
                depth++;
                line = line.substring(open);
            }
            if (close > 0 && depth > 0) {
                line = line.substring(0, line.length() - close);
                spans[openLine[--depth]]++;
                spans[i]--;
                anyPair = true;
            }
            lines.set(i, line);
        }
        boolean[] joinNext = new boolean[n + 1];
        int inside = 0;
        for (int i = 0; i < n; i++) {
            inside += spans[i];
            joinNext[i] = inside > 0;
        }
        joinNext[n] = anyPair;
        return joinNext;
    }

    /** Length of the run of emphasis markers that opens the line, or 0. */
    private static int markerPrefix(String line) {
        int j = 0;
        while (j < line.length() && MARKERS.indexOf(line.charAt(j)) >= 0) {
            j++;
        }
        if (j == 0 || j == line.length() || line.charAt(j) == ' ') {
            return 0;
        }
        return j;
    }

    /** Length of the run of emphasis markers that closes the line (not overlapping the opener), or 0. */
    private static int markerSuffix(String line, int openLen) {
        int j = line.length();
        while (j > openLen && MARKERS.indexOf(line.charAt(j - 1)) >= 0) {
            j--;
        }
        if (j == line.length() || j == openLen || line.charAt(j - 1) == ' ') {
            return 0;
        }
        return line.length() - j;
    }

    // ---- step 4c: code fences, leading "\---"

    private static boolean isFence(String line) {
        if (!(line.startsWith("```") || line.startsWith("~~~"))) {
            return false;
        }
        char f = line.charAt(0);
        int j = runEnd(line, 0, f);
        for (int k = j; k < line.length(); k++) {
            char c = line.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingBackslashRule(String line) {
        if (line.isEmpty() || line.charAt(0) != '\\') {
            return line;
        }
        int j = runEnd(line, 0, '\\');
        return line.startsWith("---", j) ? line.substring(j) : line;
    }
}
