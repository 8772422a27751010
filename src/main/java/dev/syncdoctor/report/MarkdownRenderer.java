package dev.syncdoctor.report;

import dev.syncdoctor.knowledge.RulesInUse;
import dev.syncdoctor.model.ValueList;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.PlannedRequirement;
import dev.syncdoctor.plan.PlannedStep;
import dev.syncdoctor.plan.UnexplainedError;

/** A plan to paste into a ticket: headings, a checklist of requirements and a numbered list of steps. */
public final class MarkdownRenderer implements CaseRenderer {
    private final boolean explain;
    private final RulesInUse rules;

    public MarkdownRenderer(boolean explain) {
        this(explain, null);
    }

    /** A renderer whose plans end with a line naming {@code rules} (none when null). */
    public MarkdownRenderer(boolean explain, RulesInUse rules) {
        this.explain = explain;
        this.rules = rules;
    }

    @Override
    public String render(CaseResult r) {
        StringBuilder b = new StringBuilder();
        b.append("## syncdoctor: ").append(escape(r.caseId() == null ? r.source() : r.caseId())).append("\n\n");
        b.append("**Status:** ").append(TextRenderer.headline(r)).append("  \n");
        b.append("**Source:** `").append(r.source()).append("`\n");
        if (r.error() != null) {
            b.append("\n**Error:** ").append(escape(r.error())).append('\n');
        }
        if (!r.diagnoses().isEmpty()) {
            b.append("\n### Diagnosis\n\n");
            for (IssueDiagnosis d : r.diagnoses()) {
                b.append("- **").append(escape(d.title())).append("** (`").append(d.issue()).append("`, confidence ")
                        .append(d.confidence()).append(")  \n");
                b.append("  Source: `").append(d.kb()).append("`, section *").append(escape(d.section())).append("*");
                b.append("  \n  Role for the fix: ").append(d.requiredRole() == null ? "not stated in the source" : escape(d.requiredRole()));
                if (!d.evidence().isEmpty()) {
                    b.append("  \n  Evidence: ");
                    for (int i = 0; i < d.evidence().size(); i++) {
                        b.append(i == 0 ? "" : ", ").append('`').append(d.evidence().get(i).replace("`", "'")).append('`');
                    }
                }
                if (!d.repeated().isEmpty()) {
                    b.append("  \n  Errors: ").append(escape(TextRenderer.errorsInBrief(d)));
                }
                if (explain) {
                    b.append("  \n  Rule: `").append(d.rule()).append('`');
                }
                b.append('\n');
            }
        }
        if (!r.requirements().isEmpty()) {
            b.append("\n### Needs first\n\n");
            for (PlannedRequirement q : r.requirements()) {
                b.append("- [").append(q.held() ? "x" : " ").append("] ").append(q.kind()).append(": **")
                        .append(escape(q.name())).append("**").append(q.held() ? " (held)" : " (missing)").append('\n');
            }
        }
        if (!r.actions().isEmpty()) {
            b.append("\n### Action plan\n\n");
            String lastSource = null;
            for (PlannedStep s : r.actions()) {
                b.append(s.step()).append(". ").append(s.needsUnresolvedLeadIn() ? "*If unresolved:* " : "")
                        .append(escape(s.text())).append("  \n");
                if (s.because() != null && !s.because().isBlank()) {
                    b.append("   *Why:* ").append(escape(s.because())).append("  \n");
                }
                String source = sourceOf(r, s);
                if (!source.equals(lastSource)) {
                    b.append("   *From:* ").append(source);
                    lastSource = source;
                }
                if (explain) {
                    b.append("  \n   *Rule:* `").append(s.rule()).append('`');
                }
                b.append('\n');
            }
        }
        if (!r.unexplained().isEmpty()) {
            b.append("\n### Not recognised\n\n");
            for (UnexplainedError u : r.unexplained()) {
                b.append("- ").append(u.id()).append(escape(TextRenderer.timesInBrief(u.count())));
                if (!u.values().isEmpty() && u.count() > 1) {
                    b.append(", values ").append(escape(ValueList.brief(u.values())));
                }
                b.append(":\n\n  ```\n  ").append(TextRenderer.shorten(u.text()).replace("```", "'''"))
                        .append("\n  ```\n");
            }
        }
        if (rules != null) {
            b.append("\n*Rules:* `").append(rules.folder().replace("`", "'")).append("`, hash `").append(rules.hash()).append("`\n");
        }
        return b.toString();
    }

    /** The issue(s) and source section a step comes from: the kb id as code, the section in quotes. */
    private static String sourceOf(CaseResult r, PlannedStep s) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (IssueDiagnosis d : TextRenderer.diagnosesBehind(r, s)) {
            parts.add(s.kb() != null && !s.kb().equals(d.kb()) ? '`' + s.kb() + '`' : '`' + d.kb() + "` \"" + escape(d.section()) + '"');
        }
        return parts.isEmpty() ? escape(String.join(", ", s.issues())) : String.join("; ", parts);
    }

    /** Escapes the characters that would turn plain text into markup. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
