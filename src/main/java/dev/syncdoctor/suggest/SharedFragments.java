package dev.syncdoctor.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What every member of a cluster says in the same words: the literal pieces of its masked signature
 * (values, ids, numbers and names are masked there, so never part of a piece), cut at sentences and at
 * characters a decision-table cell cannot hold, kept only when every member's text contains them as
 * {@code mentions} would test it (case-insensitive), longest first.
 */
final class SharedFragments {
    /** Masks of {@link dev.syncdoctor.plan.ErrorSignature}, and characters a table cell or DRL string must not hold. */
    private static final Pattern CUT = Pattern.compile(
            "<(?:url|path|guid|hex|record|value|entity|n)>|Record Id: |[\"\\\\;$]|\\.\\.\\.$|(?<=[.!?])\\s+");
    private static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 120;
    private static final String EDGE = " \t.,:;!?()[]{}-'=|/";

    private SharedFragments() {
    }

    /** At most {@code limit} fragments shared by every text, longest first (ties in text order). */
    static List<String> of(String signature, List<String> texts, int limit) {
        List<String> pieces = new ArrayList<>();
        for (String raw : CUT.split(signature)) {
            String piece = trimEdges(raw);
            if (piece.length() > MAX_LENGTH) {
                piece = trimEdges(cutAtWord(piece));
            }
            if (piece.length() >= MIN_LENGTH && piece.chars().anyMatch(Character::isLetter)
                    && sharedByAll(piece, texts) && !pieces.contains(piece)) {
                pieces.add(piece);
            }
        }
        List<String> longest = new ArrayList<>(pieces);
        longest.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(longest.subList(0, Math.min(limit, longest.size())));
    }

    private static boolean sharedByAll(String piece, List<String> texts) {
        String lower = piece.toLowerCase(Locale.ROOT);
        for (String t : texts) {
            if (!t.toLowerCase(Locale.ROOT).contains(lower)) {
                return false;
            }
        }
        return !texts.isEmpty();
    }

    private static String cutAtWord(String s) {
        int space = s.lastIndexOf(' ', MAX_LENGTH);
        return space > MIN_LENGTH ? s.substring(0, space) : s.substring(0, MAX_LENGTH);
    }

    private static String trimEdges(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && EDGE.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && EDGE.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
