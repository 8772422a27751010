package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.syncdoctor.ingest.TextScan.*;

/**
 * The URLs an error offers to check the reference data: after "Try this URL(s)", or any Dataverse Web
 * API URL; a filter that goes on after a space ({@code ... eq 'CN-001'}) is part of the URL.
 */
final class CheckUrls {

    private static final Pattern ENTITY_SET = Pattern.compile("/api/data/v\\d+(?:\\.\\d+){0,3}/([A-Za-z_][A-Za-z0-9_]{0,100})");

    /** Reads the check URLs of an error (an OData filter's {@code eq 'value'} included) and their entity set. */
    static void read(String text, String lower, SyncError e) {
        int tryUrl = lower.indexOf("try this url");
        int from = 0;
        Next[] schemes = nexts(lower, "https://", "http://");
        while (true) {
            int i = nextOfAny(from, schemes);
            if (i < 0) {
                break;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) != ' ') {
                end++;
            }
            String url = text.substring(i, end);
            if (url.contains("filter=")) {
                end = extendFilter(text, end);
                url = text.substring(i, end);
            }
            url = ValueText.trim(url);
            boolean check = (tryUrl >= 0 && i > tryUrl) || url.contains("/api/data/");
            if (check && !e.getCheckUrls().contains(url)) {
                e.addCheckUrl(url);
            }
            from = Math.max(end, i + 1);
        }
        if (e.getCheckUrl() != null) {
            // The check URL names the entity set better than a "Map (entityset):" prefix.
            Matcher m = ENTITY_SET.matcher(e.getCheckUrl());
            if (m.find()) {
                e.setEntitySet(m.group(1));
            }
        }
    }

    private static final String[] FILTER_OPERATORS = {" eq ", " ne ", " gt ", " ge ", " lt ", " le "};
    private static final String[] FILTER_JOINERS = {" and ", " or "};

    /** Extends a URL whose OData filter goes on after a space: "... eq 'CN-001'", "... and x eq 1". */
    private static int extendFilter(String text, int end) {
        int pos = end;
        for (int guard = 0; guard < 20; guard++) {
            String op = startsWithAt(text, pos, FILTER_OPERATORS);
            if (op == null) {
                return pos;
            }
            int v = pos + op.length();
            if (v >= text.length()) {
                return pos;
            }
            int vEnd;
            if (text.charAt(v) == '\'') {
                int close = indexWithin(text, '\'', v + 1, 200);
                vEnd = close > v ? close + 1 : tokenEnd(text, v);
            } else {
                vEnd = tokenEnd(text, v);
            }
            pos = vEnd;
            String joiner = startsWithAt(text, pos, FILTER_JOINERS);
            if (joiner == null) {
                return pos;
            }
            int field = pos + joiner.length();
            int fieldEnd = tokenEnd(text, field);
            if (startsWithAt(text, fieldEnd, FILTER_OPERATORS) == null) {
                return pos;
            }
            pos = fieldEnd;
        }
        return pos;
    }

    private CheckUrls() {
    }
}
