package dev.syncdoctor.batch;

import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.report.JsonRenderer;

/** How {@code batch} writes one record: a JSON Lines object (the output contract in README.md), or one tab-separated text line. */
public enum BatchFormat {
    /** One compact JSON object per line, the {@code diagnose --format json} contract. */
    JSON,
    /** {@code source<TAB>status<TAB>detail}: the issues, what was not recognised, or why the input is invalid. */
    TEXT;

    private static final JsonRenderer COMPACT_JSON = new JsonRenderer(false, false);

    public String line(CaseResult r) {
        return this == JSON ? COMPACT_JSON.render(r) : textLine(r);
    }

    static String textLine(CaseResult r) {
        StringBuilder b = new StringBuilder(128);
        b.append(oneLine(r.source())).append('\t').append(r.status().label()).append('\t');
        switch (r.status()) {
            case DIAGNOSED -> {
                for (int i = 0; i < r.diagnoses().size(); i++) {
                    IssueDiagnosis d = r.diagnoses().get(i);
                    b.append(i == 0 ? "" : ", ").append(d.issue());
                }
                if (!r.unexplained().isEmpty()) {
                    b.append(" (+").append(r.unexplained().size()).append(" not recognised)");
                }
            }
            case UNKNOWN -> {
                int n = r.unexplained().size();
                if (n == 0) {
                    b.append("nothing recognised");
                } else {
                    b.append(n).append(n == 1 ? " error" : " errors").append(" not recognised: ")
                            .append(shorten(r.unexplained().get(0).signature(), 120));
                }
            }
            case HEALTHY -> b.append("no error, the map is running");
            case INVALID -> b.append(oneLine(r.error()));
        }
        return b.toString();
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0 ? s
                : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
