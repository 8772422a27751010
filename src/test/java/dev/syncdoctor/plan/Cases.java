package dev.syncdoctor.plan;

import dev.syncdoctor.api.CaseInput;
import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.engine.EvaluationLimits;
import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The shipped rules, loaded once, and cases run through the core API as diagnose runs them. */
final class Cases {
    private static SyncDoctor doctor;

    private Cases() {
    }

    static synchronized SyncDoctor doctor() throws Exception {
        if (doctor == null) {
            doctor = SyncDoctor.over(KnowledgeLoader.load(Path.of("rules")), EvaluationLimits.DEFAULT, CaseReader.DEFAULT_MAX_BYTES);
        }
        return doctor;
    }

    /** A raw error text ({@code .txt}) or a JSON case ({@code .json}), diagnosed with explanations. */
    static CaseResult diagnose(String name, String content) throws Exception {
        List<CaseInput> inputs = doctor().inputs().read(name, content.getBytes(StandardCharsets.UTF_8));
        return doctor().diagnose(inputs.get(0), true);
    }

    /** A JSON case with one error text and its context fields, e.g. {@code "\"attempts\": 2"}. */
    static CaseResult diagnoseCase(String error, String contextFields) throws Exception {
        String json = "{\"case\": \"c\"" + (contextFields.isBlank() ? "" : ", " + contextFields) + ", \"error\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(error) + "}";
        return diagnose("c.json", json);
    }
}
