package dev.syncdoctor.serve;

import dev.syncdoctor.knowledge.RuleProblem;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the server knows and in what state it is: {@code GET /api/v1/issues} (the known issues, searchable
 * with {@code q}), {@code GET /api/v1/issues/{id}} (one issue: catalog entry, steps, rules, examples) and
 * {@code GET /healthz} (the rules in service, and the errors of a reload that did not compile).
 */
final class KnowledgeEndpoints {
    private final LiveRules rules;
    private final ExampleShelf examples;
    private final WorkGate gate;

    KnowledgeEndpoints(LiveRules rules, ExampleShelf examples, WorkGate gate) {
        this.rules = rules;
        this.examples = examples;
        this.gate = gate;
    }

    void issues(Context ctx) {
        String q = ctx.queryParam("q");
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> out = new ArrayList<>();
        for (IssueCatalog.Issue i : rules.current().catalog().all()) {
            if (!needle.isEmpty() && !matches(i, needle)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("kb", i.kb());
            m.put("title", i.title());
            m.put("category", i.category());
            m.put("role", i.role());
            m.put("learnUrl", i.learnUrl());
            m.put("steps", i.steps().size());
            m.put("rules", i.recognisedBy().size());
            m.put("examples", examples.of(i.id()).size());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", out.size());
        body.put("issues", out);
        WebServer.json(ctx, body);
    }

    private static boolean matches(IssueCatalog.Issue i, String needle) {
        StringBuilder hay = new StringBuilder().append(i.id()).append('\n').append(i.kb()).append('\n').append(i.title())
                .append('\n').append(i.section());
        if (i.entry() != null) {
            hay.append('\n').append(i.entry().path("symptom").asText("")).append('\n').append(i.entry().path("cause").asText(""));
            i.entry().path("error_texts").forEach(t -> hay.append('\n').append(t.isObject() ? t.path("text").asText("") : t.asText("")));
        }
        return hay.toString().toLowerCase(Locale.ROOT).contains(needle);
    }

    void issue(Context ctx) {
        String id = ctx.pathParam("id");
        IssueCatalog.Issue i = rules.current().catalog().get(id);
        if (i == null) {
            throw new ApiError(404, "no known issue with id '" + RequestBody.shorten(id) + "' (GET /api/v1/issues lists them)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("kb", i.kb());
        m.put("title", i.title());
        m.put("section", i.section());
        m.put("category", i.category());
        m.put("role", i.role());
        m.put("definedAt", i.at());
        m.put("learnUrl", i.learnUrl());
        if (i.entry() != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            for (String field : List.of("section_title", "category", "symptom", "cause", "required_role")) {
                if (i.entry().hasNonNull(field)) {
                    entry.put(field, i.entry().get(field).asText());
                }
            }
            for (String field : List.of("error_texts", "conditions")) {
                List<String> texts = new ArrayList<>();
                // Texts are plain strings or {"text": ..., "versions": ...}; distinct texts only.
                i.entry().path(field).forEach(t -> {
                    String text = t.isObject() ? t.path("text").asText("") : t.asText("");
                    if (!text.isBlank() && !texts.contains(text)) {
                        texts.add(text);
                    }
                });
                entry.put(field, texts);
            }
            m.put("catalog", entry);
        } else {
            m.put("catalog", null);
        }
        m.put("steps", i.steps());
        m.put("recognisedBy", i.recognisedBy());
        m.put("examples", examples.of(i.id()));
        WebServer.json(ctx, m);
    }

    void health(Context ctx) {
        LiveRules.Status s = rules.status();
        LiveRules.Loaded l = s.current();
        Map<String, Object> rulesInfo = new LinkedHashMap<>();
        rulesInfo.put("origin", l.origin());
        rulesInfo.put("hash", l.hash());
        rulesInfo.put("files", l.files());
        rulesInfo.put("rules", l.rules());
        rulesInfo.put("issues", l.catalog().size());
        rulesInfo.put("loadedAt", l.loadedAt().toString());
        rulesInfo.put("warnings", format(l.warnings()));
        Map<String, Object> reload = new LinkedHashMap<>();
        reload.put("watching", rules.watched() == null ? null : rules.watched().toString());
        reload.put("errors", format(s.errors()));
        reload.put("failedAt", s.failedAt() == null ? null : s.failedAt().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s.errors().isEmpty() ? "ok" : "degraded");
        body.put("rules", rulesInfo);
        body.put("reload", reload);
        body.put("inFlight", gate.inFlight());
        WebServer.json(ctx, body);
    }

    private static List<String> format(List<RuleProblem> problems) {
        List<String> out = new ArrayList<>(problems.size());
        for (RuleProblem p : problems) {
            out.add(p.format());
        }
        return out;
    }
}
