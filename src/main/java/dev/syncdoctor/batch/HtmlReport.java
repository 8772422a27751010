package dev.syncdoctor.batch;

import dev.syncdoctor.plan.CaseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The batch summary as one self-contained HTML page: inline CSS, inline SVG bar charts of statuses and
 * issues, the summary tables and the top unknown signatures. No script, no external resource (no font,
 * image, style sheet or link to fetch): it reads the same opened from disk, mailed or offline. Every text
 * from the inputs is escaped.
 */
public final class HtmlReport {
    private static final int TOP_SIGNATURES = 50;
    private static final int TOP_REASONS = 20;

    private HtmlReport() {
    }

    /** {@code run} holds what to show about the run itself (e.g. elapsed, threads, rules), label to value. */
    public static String render(BatchSummary s, Map<String, Object> run) {
        return render(s, null, run);
    }

    /** As {@link #render(BatchSummary, Map)}, with the per-case table when {@code cases} is not null. */
    public static String render(BatchSummary s, CaseTable cases, Map<String, Object> run) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>syncdoctor batch report</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#1d2733;background:#fff}\n")
                .append("h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.8em 0 .5em;border-bottom:1px solid #d5dbe3;padding-bottom:.2em}\n")
                .append(".meta{color:#5a6675;margin:0 0 1em}table{border-collapse:collapse;width:100%;margin:.4em 0}\n")
                .append("th,td{text-align:left;padding:.3em .6em;border-bottom:1px solid #e6eaef;vertical-align:top}th{background:#f3f5f8;font-weight:600}\n")
                .append("td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n")
                .append("code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Consolas,monospace;background:#f3f5f8;padding:.05em .3em;border-radius:3px;word-break:break-word}\n")
                .append(".ex{color:#5a6675;font-size:12.5px;word-break:break-all}.cards{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}\n")
                .append(".card{border:1px solid #d5dbe3;border-radius:6px;padding:.6em 1em;min-width:8em}.card b{display:block;font-size:1.6em}\n")
                .append(".diagnosed{color:#1f7a3d}.unknown{color:#b06000}.healthy{color:#2459a8}.invalid{color:#b3261e}\n")
                .append("svg text{font:12px system-ui,sans-serif;fill:#1d2733}\n</style>\n</head>\n<body>\n");
        b.append("<h1>syncdoctor batch report</h1>\n<p class=\"meta\">");
        List<String> meta = new ArrayList<>();
        run.forEach((k, v) -> meta.add(esc(k) + ": " + esc(String.valueOf(v))));
        b.append(String.join(" &middot; ", meta)).append("</p>\n");

        b.append("<div class=\"cards\">\n<div class=\"card\">records<b>").append(s.records()).append("</b></div>\n");
        for (CaseStatus st : CaseStatus.values()) {
            b.append("<div class=\"card ").append(st.label()).append("\">").append(st.label()).append("<b>")
                    .append(s.count(st)).append("</b></div>\n");
        }
        b.append("</div>\n");

        b.append("<h2>Statuses</h2>\n");
        List<Bar> statusBars = new ArrayList<>();
        for (CaseStatus st : CaseStatus.values()) {
            statusBars.add(new Bar(st.label(), s.count(st), colour(st)));
        }
        chart(b, "Records by status", statusBars);

        b.append("<h2>Known issues</h2>\n");
        List<BatchSummary.IssueCount> issues = s.issues();
        if (issues.isEmpty()) {
            b.append("<p>No known issue was diagnosed.</p>\n");
        } else {
            List<Bar> bars = new ArrayList<>();
            for (BatchSummary.IssueCount c : issues) {
                bars.add(new Bar(c.issue(), c.cases(), "#1f7a3d"));
            }
            chart(b, "Records by known issue", bars);
            b.append("<table>\n<tr><th>issue</th><th>catalog entry</th><th>title</th><th class=\"n\">records</th></tr>\n");
            for (BatchSummary.IssueCount c : issues) {
                b.append("<tr><td><code>").append(esc(c.issue())).append("</code></td><td><code>").append(esc(c.kb()))
                        .append("</code></td><td>").append(esc(c.title())).append("</td><td class=\"n\">").append(c.cases())
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        List<BatchSummary.Group> unknown = s.unknownSignatures();
        b.append("<h2>Not recognised: the rules still to write</h2>\n");
        if (unknown.isEmpty()) {
            b.append("<p>Every error was explained by a known issue.</p>\n");
        } else {
            b.append("<p>").append(s.unexplainedErrors()).append(" errors no rule explains, in ").append(unknown.size())
                    .append(" signatures (numbers, GUIDs, URLs, record ids, quoted values and entity names masked), most frequent first")
                    .append(unknown.size() > TOP_SIGNATURES ? "; the top " + TOP_SIGNATURES + " are shown" : "")
                    .append(s.otherSignatures() > 0 ? "; " + s.otherSignatures() + " more errors past the signature limit" : "")
                    .append(".</p>\n");
            groups(b, unknown, TOP_SIGNATURES, "signature");
        }
        List<BatchSummary.Group> reasons = s.invalidReasons();
        if (!reasons.isEmpty()) {
            b.append("<h2>Invalid inputs, by reason</h2>\n");
            groups(b, reasons, TOP_REASONS, "reason");
        }
        if (cases != null) {
            caseTable(b, cases);
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    /** Every case with its status and issues; titles in a details element, so the table stays scannable. */
    private static void caseTable(StringBuilder b, CaseTable cases) {
        List<CaseTable.Row> rows = cases.rows();
        b.append("<h2>Cases</h2>\n");
        if (cases.omitted() > 0) {
            b.append("<p>The first ").append(rows.size()).append(" cases are listed; ").append(cases.omitted())
                    .append(" more are counted above but not listed.</p>\n");
        }
        b.append("<table class=\"cases\">\n<tr><th class=\"n\">#</th><th>source</th><th>case</th><th>status</th>")
                .append("<th>known issues</th><th>not recognised, or why invalid</th></tr>\n");
        int n = 0;
        for (CaseTable.Row r : rows) {
            b.append("<tr><td class=\"n\">").append(++n).append("</td><td><code>").append(esc(r.source()))
                    .append("</code></td><td>").append(esc(r.caseId())).append("</td><td class=\"").append(esc(r.status()))
                    .append("\">").append(esc(r.status())).append("</td><td>");
            for (int i = 0; i < r.issues().size(); i++) {
                b.append("<details><summary><code>").append(esc(r.issues().get(i))).append("</code></summary>")
                        .append(esc(r.titles().get(i))).append("</details>");
            }
            b.append("</td><td class=\"ex\">").append(esc(r.detail() == null ? "" : BatchFormat.shorten(r.detail(), 300)))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private record Bar(String label, long value, String colour) {
    }

    /** A horizontal bar chart as inline SVG; labels and values as SVG text (escaped). */
    private static void chart(StringBuilder b, String title, List<Bar> bars) {
        int labelWidth = 260;
        int barMax = 420;
        int row = 24;
        int width = labelWidth + barMax + 90;
        int height = bars.size() * row + 8;
        long max = 1;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value());
        }
        b.append("<svg role=\"img\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" style=\"max-width:100%;height:auto\">\n")
                .append("<title>").append(esc(title)).append("</title>\n");
        int y = 4;
        for (Bar bar : bars) {
            long w = bar.value() == 0 ? 0 : Math.max(2, Math.round((double) barMax * bar.value() / max));
            String label = bar.label().length() > 40 ? bar.label().substring(0, 37) + "..." : bar.label();
            b.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(esc(label)).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"").append(row - 8).append("\" rx=\"2\" fill=\"").append(bar.colour()).append("\"/>")
                    .append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 15).append("\">")
                    .append(bar.value()).append("</text>\n");
            y += row;
        }
        b.append("</svg>\n");
    }

    private static void groups(StringBuilder b, List<BatchSummary.Group> groups, int top, String what) {
        b.append("<table>\n<tr><th class=\"n\">count</th><th>").append(what).append(" and an example</th></tr>\n");
        for (int i = 0; i < Math.min(top, groups.size()); i++) {
            BatchSummary.Group g = groups.get(i);
            b.append("<tr><td class=\"n\">").append(g.count()).append("</td><td><code>").append(esc(g.signature()))
                    .append("</code><div class=\"ex\">e.g. ").append(esc(g.exampleSource())).append(": ")
                    .append(esc(BatchFormat.shorten(g.exampleText(), 300))).append("</div></td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String colour(CaseStatus s) {
        return switch (s) {
            case DIAGNOSED -> "#1f7a3d";
            case UNKNOWN -> "#b06000";
            case HEALTHY -> "#2459a8";
            case INVALID -> "#b3261e";
        };
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
