package dev.syncdoctor.batch;

import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.CaseStatus;
import dev.syncdoctor.plan.ErrorSignature;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.UnexplainedError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an analyst needs from a batch: counts by status and by issue, and the errors no rule explains,
 * grouped by their masked {@link ErrorSignature} and counted, most frequent first: the rules still to
 * write. Invalid inputs are grouped the same way by their masked reason. Fed by one thread, in output order.
 *
 * <p>Memory is bounded: at most {@value #MAX_GROUPS} distinct signatures (and reasons) are kept; records
 * beyond that are counted under {@link #otherSignatures()}.
 */
public final class BatchSummary {
    public static final int MAX_GROUPS = 10_000;

    /** An issue and how many records it was diagnosed in. */
    public record IssueCount(String issue, String kb, String title, long cases) {
    }

    /** A masked signature (of an unexplained error, or of an invalid input's reason) with a count and an example. */
    public record Group(String signature, long count, String exampleSource, String exampleText) {
    }

    private long records;
    private final EnumMap<CaseStatus, Long> statuses = new EnumMap<>(CaseStatus.class);
    private final Map<String, MutableIssue> issues = new LinkedHashMap<>();
    private final Map<String, MutableGroup> unknown = new HashMap<>();
    private final Map<String, MutableGroup> invalid = new HashMap<>();
    private long unexplainedErrors;
    private long otherSignatures;
    private long otherReasons;

    public BatchSummary() {
        for (CaseStatus s : CaseStatus.values()) {
            statuses.put(s, 0L);
        }
    }

    /**
     * A summary whose counting was done elsewhere (a distributed job), shown and written exactly as one
     * counted here. {@code unknown} and {@code invalid} are the groups kept, at most {@value #MAX_GROUPS} each;
     * what was not kept is in the two "other" counts.
     */
    public static BatchSummary aggregated(Map<CaseStatus, Long> statuses, List<IssueCount> issues,
            long unexplainedErrors, List<Group> unknown, long otherSignatures, List<Group> invalid, long otherReasons) {
        BatchSummary s = new BatchSummary();
        statuses.forEach((k, v) -> {
            s.statuses.put(k, v);
            s.records += v;
        });
        for (IssueCount c : issues) {
            s.issues.computeIfAbsent(c.issue(), k -> new MutableIssue(c.kb(), c.title())).cases += c.cases();
        }
        s.unexplainedErrors = unexplainedErrors;
        for (Group g : unknown) {
            s.unknown.computeIfAbsent(g.signature(), k -> new MutableGroup(g.exampleSource(), g.exampleText())).count += g.count();
        }
        for (Group g : invalid) {
            s.invalid.computeIfAbsent(g.signature(), k -> new MutableGroup(g.exampleSource(), g.exampleText())).count += g.count();
        }
        s.otherSignatures = otherSignatures;
        s.otherReasons = otherReasons;
        return s;
    }

    public void add(CaseResult r) {
        records++;
        statuses.merge(r.status(), 1L, Long::sum);
        for (IssueDiagnosis d : r.diagnoses()) {
            issues.computeIfAbsent(d.issue(), k -> new MutableIssue(d.kb(), d.title())).cases++;
        }
        if (r.status() == CaseStatus.INVALID) {
            String reason = reasonOf(r);
            if (!count(invalid, ErrorSignature.of(reason), r.source(), reason)) {
                otherReasons++;
            }
            return;
        }
        for (UnexplainedError u : r.unexplained()) {
            unexplainedErrors++;
            if (!count(unknown, u.signature(), r.source(), u.text())) {
                otherSignatures++;
            }
        }
    }

    private static boolean count(Map<String, MutableGroup> groups, String key, String source, String text) {
        MutableGroup g = groups.get(key);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                return false;
            }
            g = new MutableGroup(source, exampleText(text));
            groups.put(key, g);
        }
        g.count++;
        return true;
    }

    /** The reason without the source it names, so the same problem in many files groups as one. */
    static String reasonOf(CaseResult r) {
        return invalidReason(r.source(), r.error());
    }

    /**
     * The masked signature under which an invalid record of {@code source} with {@code error} is counted
     * (for summaries aggregated elsewhere, e.g. over a distributed corpus).
     */
    public static String invalidSignature(String source, String error) {
        return ErrorSignature.of(invalidReason(source, error));
    }

    /** An example text as summaries keep it: at most 500 characters. */
    public static String exampleText(String text) {
        return text.length() > 500 ? text.substring(0, 497) + "..." : text;
    }

    /** The reason of an invalid record of {@code source}, without the source it names. */
    public static String invalidReason(String source, String error) {
        String e = error == null ? "" : error;
        String s = source;
        if (s != null && e.startsWith(s)) {
            e = e.substring(s.length());
            // ":line:col: " or ": " after the source
            int i = 0;
            while (i < e.length() && (e.charAt(i) == ':' || Character.isDigit(e.charAt(i)))) {
                i++;
            }
            e = e.substring(i).trim();
        }
        return e;
    }

    public long records() {
        return records;
    }

    public long count(CaseStatus s) {
        return statuses.get(s);
    }

    public Map<CaseStatus, Long> statuses() {
        return new EnumMap<>(statuses);
    }

    /** Issues, most diagnosed first (ties by issue id). */
    public List<IssueCount> issues() {
        List<IssueCount> out = new ArrayList<>();
        issues.forEach((k, v) -> out.add(new IssueCount(k, v.kb, v.title, v.cases)));
        out.sort(Comparator.comparingLong(IssueCount::cases).reversed().thenComparing(IssueCount::issue));
        return out;
    }

    /** Unexplained error signatures, most frequent first (ties by signature). */
    public List<Group> unknownSignatures() {
        return sorted(unknown);
    }

    /** Reasons inputs were invalid, masked and grouped, most frequent first. */
    public List<Group> invalidReasons() {
        return sorted(invalid);
    }

    /** Unexplained errors, over every record that was evaluated. */
    public long unexplainedErrors() {
        return unexplainedErrors;
    }

    /** Unexplained errors whose signature was not kept (past {@value #MAX_GROUPS} distinct ones). */
    public long otherSignatures() {
        return otherSignatures;
    }

    private static List<Group> sorted(Map<String, MutableGroup> groups) {
        List<Group> out = new ArrayList<>(groups.size());
        groups.forEach((k, v) -> out.add(new Group(k, v.count, v.exampleSource, v.exampleText)));
        out.sort(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::signature));
        return out;
    }

    /** The summary as plain maps and lists, for {@code --summary FILE}. */
    public Map<String, Object> toTree(Map<String, Object> run) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("records", records);
        Map<String, Object> st = new LinkedHashMap<>();
        statuses.forEach((k, v) -> st.put(k.label(), v));
        root.put("statuses", st);
        List<Object> is = new ArrayList<>();
        for (IssueCount c : issues()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("issue", c.issue());
            m.put("kb", c.kb());
            m.put("title", c.title());
            m.put("cases", c.cases());
            is.add(m);
        }
        root.put("issues", is);
        root.put("unexplainedErrors", unexplainedErrors);
        root.put("unknownSignatures", groups(unknownSignatures()));
        root.put("otherUnknownSignatures", otherSignatures);
        root.put("invalidReasons", groups(invalidReasons()));
        root.put("otherInvalidReasons", otherReasons);
        root.put("run", run);
        return root;
    }

    private static List<Object> groups(List<Group> groups) {
        List<Object> out = new ArrayList<>(groups.size());
        for (Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("signature", g.signature());
            m.put("count", g.count());
            m.put("exampleSource", g.exampleSource());
            m.put("exampleText", g.exampleText());
            out.add(m);
        }
        return out;
    }

    /** A few lines for stderr at the end of a batch. */
    public String text(int topN) {
        StringBuilder b = new StringBuilder();
        b.append("  ");
        for (CaseStatus s : CaseStatus.values()) {
            b.append(s == CaseStatus.DIAGNOSED ? "" : ", ").append(s.label()).append(' ').append(statuses.get(s));
        }
        b.append('\n');
        List<IssueCount> is = issues();
        if (!is.isEmpty()) {
            b.append("  issues:\n");
            for (IssueCount c : is) {
                b.append(String.format(Locale.ROOT, "    %8d  %s (%s)%n", c.cases(), c.issue(), c.kb()));
            }
        }
        appendGroups(b, "  not recognised (" + unexplainedErrors + (unexplainedErrors == 1 ? " error" : " errors") + "; the rules still to write), most frequent first:",
                unknownSignatures(), topN);
        appendGroups(b, "  invalid inputs, by reason:", invalidReasons(), topN);
        return b.toString();
    }

    private static void appendGroups(StringBuilder b, String title, List<Group> groups, int topN) {
        if (groups.isEmpty()) {
            return;
        }
        b.append(title).append('\n');
        for (int i = 0; i < Math.min(topN, groups.size()); i++) {
            Group g = groups.get(i);
            b.append(String.format(Locale.ROOT, "    %8d  %s%n              e.g. %s%n", g.count(),
                    BatchFormat.shorten(g.signature(), 160), g.exampleSource()));
        }
        if (groups.size() > topN) {
            b.append("    ... ").append(groups.size() - topN).append(" more (see --summary or --html)\n");
        }
    }

    private static final class MutableIssue {
        final String kb;
        final String title;
        long cases;

        MutableIssue(String kb, String title) {
            this.kb = kb;
            this.title = title;
        }
    }

    private static final class MutableGroup {
        final String exampleSource;
        final String exampleText;
        long count;

        MutableGroup(String exampleSource, String exampleText) {
            this.exampleSource = exampleSource;
            this.exampleText = exampleText;
        }
    }
}
