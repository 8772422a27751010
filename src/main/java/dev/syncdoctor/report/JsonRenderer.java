package dev.syncdoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.syncdoctor.knowledge.RulesInUse;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.PlannedRequirement;
import dev.syncdoctor.plan.PlannedStep;
import dev.syncdoctor.plan.RepeatedError;
import dev.syncdoctor.plan.UnexplainedError;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON output contract: one object per case with source, case, status, diagnoses, requirements,
 * actions, unexplained and error, then rules (which rules answered) where the caller names them. Compact form is one line, for JSON Lines batches.
 */
public final class JsonRenderer implements CaseRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final boolean explain;
    private final boolean pretty;
    private final RulesInUse rules;

    public JsonRenderer(boolean explain, boolean pretty) {
        this(explain, pretty, null);
    }

    /** A renderer that adds the field "rules" ({@code {"folder", "hash"}}) last, when {@code rules} is not null. */
    public JsonRenderer(boolean explain, boolean pretty, RulesInUse rules) {
        this.explain = explain;
        this.pretty = pretty;
        this.rules = rules;
    }

    @Override
    public String render(CaseResult r) {
        try {
            Map<String, Object> tree = toTree(r, explain);
            if (rules != null) {
                tree.put("rules", rules.toTree());
            }
            return pretty ? MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree)
                    : MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract as plain maps and lists, in the documented field order. */
    public static Map<String, Object> toTree(CaseResult r, boolean explain) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", r.source());
        root.put("case", r.caseId());
        root.put("status", r.status().label());
        List<Object> diagnoses = new ArrayList<>();
        for (IssueDiagnosis d : r.diagnoses()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("issue", d.issue());
            m.put("kb", d.kb());
            m.put("title", d.title());
            m.put("section", d.section());
            m.put("category", d.category());
            m.put("role", d.requiredRole());
            m.put("confidence", d.confidence());
            m.put("rule", d.rule());
            m.put("evidence", d.evidence());
            m.put("errors", d.errors());
            if (!d.repeated().isEmpty()) {
                List<Object> repeated = new ArrayList<>();
                for (RepeatedError e : d.repeated()) {
                    repeated.add(repeated(e.id(), e.count(), e.values(), e.records()));
                }
                m.put("repeated", repeated);
            }
            if (explain) {
                m.put("matched", d.matched());
                List<Object> at = new ArrayList<>();
                for (dev.syncdoctor.model.Evidence e : d.evidenceAt()) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("text", e.text());
                    x.put("error", e.errorId());
                    x.put("start", e.isSpan() ? e.start() : null);
                    x.put("end", e.isSpan() ? e.end() : null);
                    at.add(x);
                }
                m.put("evidence_at", at);
            }
            diagnoses.add(m);
        }
        root.put("diagnoses", diagnoses);
        List<Object> requirements = new ArrayList<>();
        for (PlannedRequirement q : r.requirements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", q.kind());
            m.put("name", q.name());
            m.put("issue", q.issue());
            m.put("issues", q.issues());
            m.put("held", q.held());
            requirements.add(m);
        }
        root.put("requirements", requirements);
        List<Object> actions = new ArrayList<>();
        for (PlannedStep s : r.actions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", s.step());
            m.put("issue", s.issue());
            m.put("issues", s.issues());
            m.put("phase", s.phase());
            m.put("kb", s.kb());
            m.put("text", s.text());
            m.put("because", s.because());
            if (explain) {
                m.put("rule", s.rule());
                m.put("matched", s.matched());
            }
            actions.add(m);
        }
        root.put("actions", actions);
        List<Object> unexplained = new ArrayList<>();
        for (UnexplainedError u : r.unexplained()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", u.id());
            m.put("signature", u.signature());
            m.put("text", u.text());
            if (u.count() > 1) {
                m.putAll(repeated(null, u.count(), u.values(), u.records()));
            }
            unexplained.add(m);
        }
        root.put("unexplained", unexplained);
        root.put("error", r.error());
        return root;
    }

    /** A repeated error: its count and every value and record id it was seen with (omitted when none). */
    private static Map<String, Object> repeated(String id, int count, List<String> values, List<String> records) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        m.put("count", count);
        if (!values.isEmpty()) {
            m.put("values", values);
        }
        if (!records.isEmpty()) {
            m.put("records", records);
        }
        return m;
    }
}
