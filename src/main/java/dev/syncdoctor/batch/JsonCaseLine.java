package dev.syncdoctor.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncdoctor.ingest.CaseContext;
import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.ingest.CsvCaseReader;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.SyncCase;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON Lines case from standard input: the JSON case format ({@code case, map, status, phase, direction,
 * attempts, occurrences, consistent, roles, durationMinutes, rowCount, legalEntityCount, lookupCount, error,
 * errors}) on one line. Error texts go through the ingest reader like any other text.
 */
final class JsonCaseLine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonCaseLine() {
    }

    static CaseFacts read(CaseReader reader, String source, long lineNumber, String line) throws InputException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new InputException(source + (col > 0 ? ":" + col : ""), "not a JSON case: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InputException(source, "not a JSON case: expected one object per line");
        }
        List<String> texts = new ArrayList<>();
        if (node.hasNonNull("error")) {
            texts.add(node.get("error").asText());
        }
        if (node.has("errors")) {
            for (JsonNode e : node.get("errors")) {
                texts.add(e.isTextual() ? e.asText() : e.toString());
            }
        }
        String caseId = node.hasNonNull("case") ? node.get("case").asText() : "line-" + lineNumber;
        CaseFacts facts = CsvCaseReader.fromTexts(reader, source, caseId, texts);
        CaseContext c = new CaseContext();
        c.setMapName(text(node, "map"));
        c.setMapStatus(text(node, "status"));
        c.setPhase(text(node, "phase"));
        c.setDirection(text(node, "direction"));
        c.setAttempts(node.hasNonNull("attempts") ? node.get("attempts").asInt() : null);
        c.setOccurrences(node.hasNonNull("occurrences") ? node.get("occurrences").asInt() : null);
        c.setConsistent(node.hasNonNull("consistent") ? node.get("consistent").asBoolean() : null);
        if (node.has("roles")) {
            List<String> roles = new ArrayList<>();
            node.get("roles").forEach(r -> roles.add(r.asText()));
            c.setRoles(roles);
        }
        SyncCase s = facts.getSyncCase();
        c.applyTo(s);
        if (node.hasNonNull("durationMinutes")) {
            s.setDurationMinutes(node.get("durationMinutes").asLong());
        }
        if (node.hasNonNull("rowCount")) {
            s.setRowCount(node.get("rowCount").asLong());
        }
        if (node.hasNonNull("legalEntityCount")) {
            s.setLegalEntityCount(node.get("legalEntityCount").asInt());
        }
        if (node.hasNonNull("lookupCount")) {
            s.setLookupCount(node.get("lookupCount").asInt());
        }
        return facts;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
