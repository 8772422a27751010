package dev.syncdoctor.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.PlannedRequirement;
import dev.syncdoctor.plan.PlannedStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A saved run of the example corpus (status, issues, requirements and plan per case), so a rule
 * change can be compared with what the corpus produced before it.
 */
public final class Baseline {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a case produced, in a form that compares and diffs well. */
    public record Outcome(String status, List<String> issues, List<String> requirements, List<String> steps) {
    }

    /** One case whose outcome differs from the baseline; {@code before} or {@code after} is null for added or removed cases. */
    public record Change(String example, Outcome before, Outcome after, List<String> differences) {
    }

    private Baseline() {
    }

    public static Outcome outcomeOf(CaseResult r) {
        if (r == null) {
            return new Outcome("missing", List.of(), List.of(), List.of());
        }
        List<String> issues = new ArrayList<>();
        for (IssueDiagnosis d : r.diagnoses()) {
            issues.add(d.issue());
        }
        List<String> reqs = new ArrayList<>();
        for (PlannedRequirement q : r.requirements()) {
            reqs.add(q.kind() + ": " + q.name() + (q.held() ? " (held)" : " (missing)"));
        }
        List<String> steps = new ArrayList<>();
        for (PlannedStep s : r.actions()) {
            steps.add(s.text());
        }
        return new Outcome(r.status().label(), issues, reqs, steps);
    }

    /** The outcomes as a baseline file holds them (written whole, through a temporary file, by the caller). */
    public static String text(Map<String, Outcome> outcomes) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "syncdoctor-baseline/1");
        root.put("cases", new TreeMap<>(outcomes));
        return JSON.writeValueAsString(root);
    }

    public static Map<String, Outcome> load(Path file) throws IOException {
        var root = JSON.readTree(file.toFile());
        if (root == null || !root.has("cases")) {
            throw new IOException(file + ": not a syncdoctor baseline (no \"cases\")");
        }
        Map<String, Outcome> out = new TreeMap<>();
        var it = root.get("cases").fields();
        while (it.hasNext()) {
            var e = it.next();
            out.put(e.getKey(), JSON.treeToValue(e.getValue(), Outcome.class));
        }
        return out;
    }

    /** Every case whose outcome changed, was added or was removed, sorted by name. */
    public static List<Change> compare(Map<String, Outcome> before, Map<String, Outcome> after) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        before.keySet().forEach(n -> names.put(n, true));
        after.keySet().forEach(n -> names.put(n, true));
        List<Change> changes = new ArrayList<>();
        for (String name : names.keySet()) {
            Outcome b = before.get(name);
            Outcome a = after.get(name);
            if (b == null) {
                changes.add(new Change(name, null, a, List.of("new case")));
            } else if (a == null) {
                changes.add(new Change(name, b, null, List.of("case removed")));
            } else if (!b.equals(a)) {
                List<String> diffs = new ArrayList<>();
                if (!Objects.equals(b.status(), a.status())) {
                    diffs.add("status: " + b.status() + " -> " + a.status());
                }
                if (!Objects.equals(b.issues(), a.issues())) {
                    diffs.add("issues: " + b.issues() + " -> " + a.issues());
                }
                if (!Objects.equals(b.requirements(), a.requirements())) {
                    diffs.add("requirements: " + b.requirements() + " -> " + a.requirements());
                }
                if (!Objects.equals(b.steps(), a.steps())) {
                    diffs.addAll(stepDiff(b.steps(), a.steps()));
                }
                changes.add(new Change(name, b, a, diffs));
            }
        }
        return changes;
    }

    private static List<String> stepDiff(List<String> before, List<String> after) {
        List<String> out = new ArrayList<>();
        int n = Math.max(before.size(), after.size());
        for (int i = 0; i < n; i++) {
            String b = i < before.size() ? before.get(i) : null;
            String a = i < after.size() ? after.get(i) : null;
            if (!Objects.equals(b, a)) {
                out.add("step " + (i + 1) + ": " + (b == null ? "(none)" : "'" + b + "'") + " -> "
                        + (a == null ? "(none)" : "'" + a + "'"));
            }
        }
        return out;
    }
}
