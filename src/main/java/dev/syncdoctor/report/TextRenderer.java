package dev.syncdoctor.report;

import dev.syncdoctor.knowledge.RulesInUse;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.PlannedRequirement;
import dev.syncdoctor.model.ValueList;
import dev.syncdoctor.plan.PlannedStep;
import dev.syncdoctor.plan.RepeatedError;
import dev.syncdoctor.plan.UnexplainedError;

/** A plain-text plan for a terminal: what it is, what it needs first, what to do in which order. */
public final class TextRenderer implements CaseRenderer {
    private final boolean explain;
    private final RulesInUse rules;

    public TextRenderer(boolean explain) {
        this(explain, null);
    }

    /** A renderer whose plans end with a line naming {@code rules} (none when null). */
    public TextRenderer(boolean explain, RulesInUse rules) {
        this.explain = explain;
        this.rules = rules;
    }

    @Override
    public String render(CaseResult r) {
        StringBuilder b = new StringBuilder();
        b.append(r.caseId() == null ? r.source() : r.caseId()).append(": ").append(headline(r)).append('\n');
        if (r.source() != null && !r.source().equals(r.caseId())) {
            b.append("  source: ").append(r.source()).append('\n');
        }
        if (r.error() != null) {
            b.append("  error: ").append(r.error()).append('\n');
        }
        if (!r.diagnoses().isEmpty()) {
            b.append("\nDiagnosis\n");
            for (IssueDiagnosis d : r.diagnoses()) {
                b.append("  * ").append(d.title()).append("  [").append(d.issue()).append(", confidence ")
                        .append(d.confidence()).append("]\n");
                b.append("    kb ").append(d.kb()).append(": \"").append(d.section()).append("\"\n");
                b.append("    role for the fix: ").append(d.requiredRole() == null ? "not stated in the source" : d.requiredRole())
                        .append('\n');
                if (explain && !d.evidenceAt().isEmpty()) {
                    for (dev.syncdoctor.model.Evidence e : d.evidenceAt()) {
                        b.append("    evidence: ").append(e.isSpan() ? '"' + e.text() + '"' : e.text()).append("  (").append(e.where())
                                .append(")\n");
                    }
                } else if (!d.evidence().isEmpty()) {
                    b.append("    evidence: ").append(String.join("; ", d.evidence())).append('\n');
                }
                if (!d.errors().isEmpty()) {
                    b.append("    errors: ").append(errorsInBrief(d)).append('\n');
                }
                if (explain) {
                    b.append("    rule: ").append(d.rule()).append('\n');
                    for (String m : d.matched()) {
                        b.append("      matched ").append(m).append('\n');
                    }
                }
            }
        }
        if (!r.requirements().isEmpty()) {
            b.append("\nNeeds first\n");
            for (PlannedRequirement q : r.requirements()) {
                b.append("  [").append(q.held() ? "x" : " ").append("] ").append(q.kind()).append(": ").append(q.name())
                        .append(q.held() ? " (held)" : " (missing)").append("  for ").append(String.join(", ", q.issues()))
                        .append('\n');
            }
        }
        if (!r.actions().isEmpty()) {
            b.append("\nAction plan\n");
            String lastSource = null;
            for (PlannedStep s : r.actions()) {
                b.append(String.format("  %2d. ", s.step())).append(s.needsUnresolvedLeadIn() ? "If unresolved: " : "")
                        .append(s.text()).append('\n');
                if (s.because() != null && !s.because().isBlank()) {
                    b.append("      why: ").append(s.because()).append('\n');
                }
                String source = sourceOf(r, s);
                if (!source.equals(lastSource)) {
                    b.append("      from: ").append(source).append('\n');
                    lastSource = source;
                }
                if (explain) {
                    b.append("      rule: ").append(s.rule()).append('\n');
                    for (String m : s.matched()) {
                        b.append("        matched ").append(m).append('\n');
                    }
                }
            }
        }
        if (!r.unexplained().isEmpty()) {
            b.append("\nNot recognised (no known issue matches; nothing is guessed)\n");
            for (UnexplainedError u : r.unexplained()) {
                b.append("  ").append(u.id()).append(timesInBrief(u.count())).append(": ").append(shorten(u.text())).append('\n');
                if (!u.values().isEmpty() && u.count() > 1) {
                    b.append("    values: ").append(ValueList.brief(u.values())).append('\n');
                }
            }
        }
        if (rules != null) {
            b.append("\nrules: ").append(rules).append('\n');
        }
        return b.toString();
    }

    static String headline(CaseResult r) {
        return switch (r.status()) {
            case DIAGNOSED -> r.diagnoses().size() == 1 ? "diagnosed, 1 known issue" : "diagnosed, " + r.diagnoses().size() + " known issues";
            case UNKNOWN -> r.unexplained().isEmpty() ? "unknown: nothing recognised"
                    : "unknown: " + r.unexplained().size() + (r.unexplained().size() == 1 ? " error" : " errors") + " not recognised";
            case HEALTHY -> "healthy: no error, the map is running";
            case INVALID -> "invalid";
        };
    }

    /** The diagnoses a step comes from, in the step's issue order (a merged step has several). */
    static java.util.List<IssueDiagnosis> diagnosesBehind(CaseResult r, PlannedStep s) {
        java.util.List<IssueDiagnosis> out = new java.util.ArrayList<>(s.issues().size());
        for (String issue : s.issues()) {
            for (IssueDiagnosis d : r.diagnoses()) {
                if (d.issue().equals(issue)) {
                    out.add(d);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The issue(s) and source section a step comes from; a step from another catalog entry than its
     * diagnosis (the procedure to follow if unresolved) names that entry. Printed once for a run of
     * steps with one source.
     */
    static String sourceOf(CaseResult r, PlannedStep s) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (IssueDiagnosis d : diagnosesBehind(r, s)) {
            parts.add(s.kb() != null && !s.kb().equals(d.kb()) ? s.kb() : d.kb() + " \"" + d.section() + '"');
        }
        return parts.isEmpty() ? String.join(", ", s.issues()) : String.join("; ", parts);
    }

    /** "e1 (5,000 times: V-1, V-2, V-3 and 4,997 more), e2": the errors of a diagnosis, repeats counted. */
    static String errorsInBrief(IssueDiagnosis d) {
        StringBuilder b = new StringBuilder();
        for (String id : d.errors()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(id);
            for (RepeatedError e : d.repeated()) {
                if (e.id().equals(id)) {
                    b.append(" (").append(ValueList.count(e.count())).append(" times");
                    if (!e.values().isEmpty()) {
                        b.append(": ").append(ValueList.brief(e.values()));
                    }
                    b.append(')');
                }
            }
        }
        return b.toString();
    }

    /** " (40 times)" for a repeated error, nothing for one seen once. */
    static String timesInBrief(int count) {
        return count > 1 ? " (" + ValueList.count(count) + " times)" : "";
    }

    static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }
}
