package dev.syncdoctor.plan;

import dev.syncdoctor.engine.Derivation;
import dev.syncdoctor.engine.Evaluation;
import dev.syncdoctor.model.Action;
import dev.syncdoctor.model.ActionPhase;
import dev.syncdoctor.model.Confidence;
import dev.syncdoctor.model.Count;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.Diagnosis;
import dev.syncdoctor.model.Requirement;
import dev.syncdoctor.model.SyncCase;
import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.model.ValueList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the conclusions of one evaluation into the answer a user reads: issues merged over their
 * errors, requirements merged across issues, and one ordered, numbered, de-duplicated action plan
 * (prerequisites first, each issue's steps in its own order, re-runs and checks last).
 */
public final class Planner {

    private Planner() {
    }

    public static CaseResult plan(Evaluation ev) {
        return plan(ev, false);
    }

    /**
     * The answer for one evaluation; with {@code explain}, every diagnosis and step also lists the
     * facts its rule matched (built only then: batches never print them).
     */
    public static CaseResult plan(Evaluation ev, boolean explain) {
        CaseFacts facts = ev.facts();
        String source = facts.getSource();
        String caseId = facts.getSyncCase().getId();
        if (ev.failure() != null) {
            return new CaseResult(source, caseId, CaseStatus.INVALID, List.of(), List.of(), List.of(),
                    unexplained(facts.getErrors(), Set.of()), ev.failure(), ev);
        }

        List<IssueDiagnosis> diagnoses = mergeDiagnoses(ev, explain);
        Map<String, Integer> issueRank = new LinkedHashMap<>();
        for (IssueDiagnosis d : diagnoses) {
            issueRank.putIfAbsent(d.issue(), issueRank.size());
        }
        Set<String> explained = new HashSet<>();
        for (Diagnosis d : ev.diagnoses()) {
            if (d.getErrorId() != null) {
                explained.add(d.getErrorId());
            }
        }
        List<UnexplainedError> unexplained = unexplained(facts.getErrors(), explained);

        CaseStatus status;
        if (!diagnoses.isEmpty()) {
            status = CaseStatus.DIAGNOSED;
        } else if (!facts.getErrors().isEmpty()) {
            status = CaseStatus.UNKNOWN;
        } else if (facts.getSyncCase().statusIs("Running")) {
            status = CaseStatus.HEALTHY;
        } else {
            status = CaseStatus.UNKNOWN;
        }
        return new CaseResult(source, caseId, status, diagnoses, mergeRequirements(ev.requirements()),
                steps(ev, issueRank, explain), unexplained, null, ev);
    }

    private static List<IssueDiagnosis> mergeDiagnoses(Evaluation ev, boolean explain) {
        Map<String, List<Diagnosis>> byIssue = new LinkedHashMap<>();
        for (Diagnosis d : ev.diagnoses()) {
            byIssue.computeIfAbsent(d.getIssue(), k -> new ArrayList<>()).add(d);
        }
        List<IssueDiagnosis> out = new ArrayList<>();
        for (List<Diagnosis> group : byIssue.values()) {
            Diagnosis first = group.get(0);
            Set<String> evidence = new LinkedHashSet<>();
            Set<String> errors = new LinkedHashSet<>();
            Set<String> matched = new LinkedHashSet<>();
            Set<dev.syncdoctor.model.Evidence> evidenceAt = new LinkedHashSet<>();
            List<RepeatedError> repeated = new ArrayList<>();
            Confidence confidence = first.getConfidence();
            for (Diagnosis d : group) {
                evidence.addAll(d.getEvidence());
                if (d.getErrorId() != null && errors.add(d.getErrorId()) && d.getError() != null && d.getError().getCount() > 1) {
                    repeated.add(RepeatedError.of(d.getError()));
                }
                if (d.getConfidence().isStrongerThan(confidence)) {
                    confidence = d.getConfidence();
                }
                if (explain) {
                    matched.addAll(describe(ev.derivationOf(d.getFinding())));
                    evidenceAt.addAll(d.getEvidenceSpans());
                }
            }
            Derivation recognised = ev.derivationOf(first.getFinding());
            out.add(new IssueDiagnosis(first.getIssue(), first.getKb(), first.getTitle(), first.getSection(),
                    first.getCategory(), first.getRequiredRole(), confidence.label(), recognised == null ? null : recognised.rule(),
                    List.copyOf(evidence), List.copyOf(errors), List.copyOf(matched), List.copyOf(repeated),
                    List.copyOf(evidenceAt)));
        }
        return out;
    }

    private static List<PlannedRequirement> mergeRequirements(List<Requirement> requirements) {
        Map<String, List<Requirement>> byKey = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            byKey.computeIfAbsent(r.getKind().label() + "\u0000" + r.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
        }
        List<PlannedRequirement> out = new ArrayList<>();
        for (List<Requirement> group : byKey.values()) {
            Requirement first = group.get(0);
            Set<String> issues = new LinkedHashSet<>();
            boolean held = true;
            for (Requirement r : group) {
                issues.add(r.getIssue());
                held &= r.isHeld();
            }
            out.add(new PlannedRequirement(first.getKind().label(), first.getName(), first.getIssue(), List.copyOf(issues), held));
        }
        return out;
    }

    private static List<PlannedStep> steps(Evaluation ev, Map<String, Integer> issueRank, boolean explain) {
        record Candidate(Action action, String text, String because, int seq) {
        }
        List<Candidate> candidates = new ArrayList<>();
        int seq = 0;
        SyncCase syncCase = ev.facts().getSyncCase();
        Map<String, List<SyncError>> errorsByIssue = new LinkedHashMap<>();
        for (Diagnosis d : ev.diagnoses()) {
            if (d.getError() != null) {
                errorsByIssue.computeIfAbsent(d.getIssue(), k -> new ArrayList<>()).add(d.getError());
            }
        }
        // With no map name given, the executed leg names the tables: "Financial dimensions (msdyn_dimensionattributes)".
        String legMap = null;
        if (!ev.facts().getLegs().isEmpty()) {
            var leg = ev.facts().getLegs().get(0);
            legMap = leg.getSourceEntity() == null ? null
                    : leg.getSourceEntity() + (leg.getTargetEntity() == null ? "" : " (" + leg.getTargetEntity() + ")");
        }
        for (Action a : ev.actions()) {
            List<SyncError> all = errorsByIssue.getOrDefault(a.getIssue(), List.of());
            candidates.add(new Candidate(a, fill(a.getText(), a, syncCase, all, legMap),
                    fill(a.getBecause(), a, syncCase, all, legMap), seq++));
        }
        candidates.sort(Comparator
                .comparingInt((Candidate c) -> band(c.action().getPhase()))
                .thenComparingInt(c -> c.action().getPhase() == ActionPhase.INVESTIGATE ? 0 : 1)
                .thenComparingInt(c -> band(c.action().getPhase()) == 1 || band(c.action().getPhase()) == 4
                        ? issueRank.getOrDefault(c.action().getIssue(), Integer.MAX_VALUE) : 0)
                .thenComparingInt(c -> c.action().getPhase().ordinal())
                .thenComparingInt(c -> c.action().getOrder())
                .thenComparingInt(Candidate::seq));
        candidates = rolesBeforeTheirFirstUse(candidates, c -> c.action());

        Map<String, Integer> indexByText = new LinkedHashMap<>();
        List<Candidate> kept = new ArrayList<>();
        List<Set<String>> issuesOf = new ArrayList<>();
        for (Candidate c : candidates) {
            String key = dedupKey(c.text());
            Integer at = indexByText.get(key);
            if (at == null) {
                indexByText.put(key, kept.size());
                kept.add(c);
                Set<String> issues = new LinkedHashSet<>();
                issues.add(c.action().getIssue());
                issuesOf.add(issues);
            } else {
                issuesOf.get(at).add(c.action().getIssue());
            }
        }
        List<PlannedStep> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Candidate c = kept.get(i);
            Derivation d = ev.derivationOf(c.action());
            out.add(new PlannedStep(i + 1, c.action().getIssue(), List.copyOf(issuesOf.get(i)),
                    c.action().getPhase().label(), kbOf(c.action(), ev), c.text(), c.because(), d == null ? null : d.rule(),
                    explain ? describe(d) : List.of()));
        }
        return out;
    }

    /** The catalog entry of a step: its own, or that of its issue's diagnosis when the rule gave the step no diagnosis. */
    private static String kbOf(Action a, Evaluation ev) {
        if (a.getKb() != null) {
            return a.getKb();
        }
        for (Diagnosis d : ev.diagnoses()) {
            if (d.getIssue().equals(a.getIssue())) {
                return d.getKb();
            }
        }
        return null;
    }

    /**
     * Prerequisites, then every issue's own steps (what to look at before what to change), then re-runs,
     * then checks, and last what to do if the issue is still there.
     */
    private static int band(ActionPhase phase) {
        return switch (phase) {
            case PREREQUISITE -> 0;
            case INVESTIGATE, FIX -> 1;
            case RERUN -> 2;
            case VERIFY -> 3;
            case IF_UNRESOLVED -> 4;
        };
    }

    /**
     * A prerequisite (a role to get) moves to just before the first step of its issue that may need it:
     * re-running a sync and checking the result need no such role, so a plan that starts with "run it
     * again" asks for the role only where the fix begins. When its issue has no such step it stays first.
     */
    static <C> List<C> rolesBeforeTheirFirstUse(List<C> sorted, java.util.function.Function<C, Action> action) {
        List<C> prerequisites = new ArrayList<>();
        List<C> rest = new ArrayList<>(sorted.size());
        for (C c : sorted) {
            (action.apply(c).getPhase() == ActionPhase.PREREQUISITE ? prerequisites : rest).add(c);
        }
        if (prerequisites.isEmpty()) {
            return sorted;
        }
        List<C> first = new ArrayList<>();
        Map<Integer, List<C>> before = new LinkedHashMap<>();
        for (C p : prerequisites) {
            String issue = action.apply(p).getIssue();
            int at = -1;
            for (int i = 0; i < rest.size(); i++) {
                Action a = action.apply(rest.get(i));
                if (a.getIssue().equals(issue) && a.getPhase() != ActionPhase.RERUN && a.getPhase() != ActionPhase.VERIFY) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                first.add(p);
            } else {
                before.computeIfAbsent(at, k -> new ArrayList<>()).add(p);
            }
        }
        List<C> out = new ArrayList<>(sorted.size());
        out.addAll(first);
        for (int i = 0; i < rest.size(); i++) {
            out.addAll(before.getOrDefault(i, List.of()));
            out.add(rest.get(i));
        }
        return out;
    }

    /** The placeholders {@link #fill} knows, as written between braces in step texts. */
    public static final List<String> PLACEHOLDERS =
            List.of("map", "field", "value", "url", "entity", "target", "record", "role", "values", "fields");

    /**
     * Fills {map}, {field}, {value}, {url}, {entity}, {target}, {record}, {role} from the error and case behind a
     * step, and {fields}, {values} from every error of the step's issue (so one step can name them all).
     * A part in square brackets that holds a placeholder is kept only when all its placeholders have a
     * value ("[ with this URL: {url}]"), so a step never points at something the error did not give.
     * One pass over the template; an unknown {name} is left as written.
     */
    static String fill(String template, Action action, SyncCase syncCase, List<SyncError> issueErrors, String legMap) {
        if (template == null || template.indexOf('{') < 0) {
            return template;
        }
        Diagnosis d = action.getDiagnosis();
        SyncError e = d == null ? null : d.getError();
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '[') {
                int end = template.indexOf(']', i + 1);
                String part = end < 0 ? "" : template.substring(i + 1, end);
                if (part.indexOf('{') >= 0) {
                    String filled = fillPart(part, d, e, syncCase, issueErrors, legMap);
                    if (filled != null) {
                        out.append(filled);
                    }
                    i = end + 1;
                    continue;
                }
            }
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = template.substring(i + 1, close);
            String value = placeholder(name, d, e, syncCase, issueErrors, legMap);
            if (value == null) {
                out.append(c);
                i++;
            } else {
                out.append(value == MISSING ? fallback(name, out) : value);
                i = close + 1;
            }
        }
        return out.toString();
    }

    /** An optional part: filled when every placeholder in it has a value, else null (the part is left out). */
    private static String fillPart(String part, Diagnosis d, SyncError e, SyncCase syncCase,
                                   List<SyncError> issueErrors, String legMap) {
        StringBuilder b = new StringBuilder(part.length() + 32);
        int i = 0;
        while (i < part.length()) {
            char c = part.charAt(i);
            int close = c == '{' ? part.indexOf('}', i + 1) : -1;
            String value = close < 0 ? null : placeholder(part.substring(i + 1, close), d, e, syncCase, issueErrors, legMap);
            if (value == null) {
                b.append(c);
                i++;
            } else if (value == MISSING) {
                return null;
            } else {
                b.append(value);
                i = close + 1;
            }
        }
        return b.toString();
    }

    /** Marks a placeholder the error and case give no value for. */
    private static final String MISSING = new String("(missing)");

    /**
     * Words for a value the error did not give. A map is "that failed" right after the words "map" or
     * "mapping" ("Select the table map that failed"), else "the table map", so no phrase is doubled.
     */
    private static String fallback(String name, CharSequence before) {
        switch (name) {
            case "map": {
                String tail = before.toString().toLowerCase(Locale.ROOT).stripTrailing();
                return tail.endsWith(" map") || tail.endsWith(" mapping") || tail.endsWith(" maps") ? "that failed" : "the table map";
            }
            case "field": return "the lookup field";
            case "value": return "the missing value";
            case "url": return "a query of the referenced table in Dataverse";
            case "entity":
            case "target": return "the referenced table";
            case "record": return "the record";
            case "role": return "the required role";
            case "values": return "the missing values";
            case "fields": return "the lookup fields";
            default: return "";
        }
    }

    private static String placeholder(String name, Diagnosis d, SyncError e, SyncCase syncCase, List<SyncError> issueErrors,
                                      String legMap) {
        switch (name) {
            case "map":
                return e != null && e.getMapName() != null ? e.getMapName()
                        : syncCase.getMapName() != null ? syncCase.getMapName() : legMap == null ? MISSING : legMap;
            case "field":
                return orMissing(e == null ? null : e.getLookupField());
            case "value":
                return orMissing(e == null ? null : e.lookupValuesInBrief());
            case "url":
                return orMissing(e == null ? null : urls(e));
            case "entity":
                return orMissing(e == null ? null : e.getEntitySet());
            case "target":
                return orMissing(e == null ? null : e.getEntitySet() != null ? e.getEntitySet() : String.join(", ", e.getLookedUpTables()));
            case "record":
                return orMissing(e == null ? null : e.recordIdsInBrief());
            case "role":
                return orMissing(d == null ? null : d.getRequiredRole());
            case "values": {
                Set<String> all = new LinkedHashSet<>();
                for (SyncError x : issueErrors) {
                    all.addAll(x.getLookupValues());
                }
                return all.isEmpty() ? MISSING : ValueList.brief(all);
            }
            case "fields": {
                Set<String> all = new LinkedHashSet<>();
                for (SyncError x : issueErrors) {
                    if (x.getLookupField() != null) {
                        all.add(x.getLookupField());
                    }
                }
                return all.isEmpty() ? MISSING : String.join(", ", all);
            }
            default:
                return null;
        }
    }

    /** Steps that differ only in case, spacing or a final period are the same step. */
    static String dedupKey(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(Character.toLowerCase(c));
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '.') {
            end--;
        }
        b.setLength(end);
        return b.toString();
    }

    /** The check URL of an error; of a repeated error the first, with how many more there are. */
    private static String urls(SyncError e) {
        List<String> all = e.getCheckUrls();
        if (all.size() <= 1) {
            return e.getCheckUrl();
        }
        return all.get(0) + " (and " + ValueList.count(all.size() - 1L) + " more like it)";
    }

    private static String orMissing(String value) {
        return value == null || value.isBlank() ? MISSING : value;
    }

    private static List<UnexplainedError> unexplained(List<SyncError> errors, Set<String> explained) {
        List<UnexplainedError> out = new ArrayList<>();
        for (SyncError e : errors) {
            if (!explained.contains(e.getId())) {
                out.add(new UnexplainedError(e.getId(), ErrorSignature.of(e.getMessage()), e.getMessage(), e.getCount(),
                        e.getLookupValues(), e.getRecordIds()));
            }
        }
        return out;
    }

    /** The facts a rule matched, in a form fit for an explanation. */
    private static List<String> describe(Derivation d) {
        if (d == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : d.matched()) {
            if (o instanceof SyncError e) {
                out.add(e.getId() + ": " + shorten(e.getMessage()));
            } else if (o instanceof SyncCase c) {
                out.add("case: map=" + c.getMapName() + ", status=" + c.getMapStatus() + ", attempts=" + count(c.getAttempts())
                        + ", occurrences=" + count(c.getOccurrences()) + (c.isConsistent() ? ", consistent" : "")
                        + ", roles=" + c.getRoles());
            } else if (o instanceof Diagnosis dg) {
                out.add("diagnosis " + dg.getIssue() + (dg.getErrorId() == null ? "" : " on " + dg.getErrorId()));
            } else if (o instanceof Requirement r) {
                out.add("requirement " + r.getKind().label() + " '" + r.getName() + "'" + (r.isHeld() ? " (held)" : " (missing)"));
            } else if (o != null) {
                out.add(o.toString());
            }
        }
        return out;
    }

    private static String count(long n) {
        return Count.isKnown(n) ? Long.toString(n) : "unknown";
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
