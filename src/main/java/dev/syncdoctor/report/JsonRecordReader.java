package dev.syncdoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.CaseStatus;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.PlannedRequirement;
import dev.syncdoctor.plan.PlannedStep;
import dev.syncdoctor.plan.RepeatedError;
import dev.syncdoctor.plan.UnexplainedError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads back one record of the JSON contract that {@link JsonRenderer} writes, so a batch can continue
 * an output written by an earlier run and still count every record in its summary. What the contract does
 * not hold (the evaluation trail) comes back empty; fields the contract may gain later are ignored.
 */
public final class JsonRecordReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecordReader() {
    }

    /** The result written as {@code line}; throws when the line is not such a record. */
    public static CaseResult read(String line) throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(line);
        if (root == null || !root.isObject() || !root.path("source").isTextual() || !root.path("status").isTextual()) {
            throw new IllegalArgumentException("not a syncdoctor record (a JSON object with source and status)");
        }
        CaseStatus status;
        try {
            status = CaseStatus.valueOf(root.get("status").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status '" + root.get("status").asText() + "'");
        }
        List<IssueDiagnosis> diagnoses = new ArrayList<>();
        for (JsonNode d : root.path("diagnoses")) {
            List<RepeatedError> repeated = new ArrayList<>();
            for (JsonNode r : d.path("repeated")) {
                repeated.add(new RepeatedError(text(r, "id"), r.path("count").asInt(1), strings(r, "values"), strings(r, "records")));
            }
            diagnoses.add(new IssueDiagnosis(text(d, "issue"), text(d, "kb"), text(d, "title"), text(d, "section"),
                    text(d, "category"), text(d, "role"), text(d, "confidence"), text(d, "rule"), strings(d, "evidence"),
                    strings(d, "errors"), strings(d, "matched"), repeated, List.of()));
        }
        List<PlannedRequirement> requirements = new ArrayList<>();
        for (JsonNode q : root.path("requirements")) {
            requirements.add(new PlannedRequirement(text(q, "kind"), text(q, "name"), text(q, "issue"), strings(q, "issues"),
                    q.path("held").asBoolean(false)));
        }
        List<PlannedStep> actions = new ArrayList<>();
        for (JsonNode s : root.path("actions")) {
            actions.add(new PlannedStep(s.path("step").asInt(), text(s, "issue"), strings(s, "issues"), text(s, "phase"),
                    text(s, "kb"), text(s, "text"), text(s, "because"), text(s, "rule"), strings(s, "matched")));
        }
        List<UnexplainedError> unexplained = new ArrayList<>();
        for (JsonNode u : root.path("unexplained")) {
            unexplained.add(new UnexplainedError(text(u, "id"), text(u, "signature"), text(u, "text"), u.path("count").asInt(1),
                    strings(u, "values"), strings(u, "records")));
        }
        return new CaseResult(root.get("source").asText(), text(root, "case"), status, diagnoses, requirements, actions,
                unexplained, text(root, "error"), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : node.path(field)) {
            out.add(v.asText());
        }
        return out;
    }
}
