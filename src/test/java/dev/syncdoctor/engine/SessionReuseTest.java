package dev.syncdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.plan.Planner;
import dev.syncdoctor.report.JsonRenderer;
import dev.syncdoctor.verify.ExampleCase;
import dev.syncdoctor.verify.ExampleCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reset sessions reused from case to case answer exactly as fresh ones: nothing leaks between cases. */
class SessionReuseTest {

    @Test
    void reusedSessionsGiveTheSameResultsAsFreshOnesInAnyOrder() throws Exception {
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("rules"));
        CaseReader reader = new CaseReader(CaseReader.DEFAULT_MAX_BYTES);
        List<CaseFacts> cases = new ArrayList<>();
        for (ExampleCase e : ExampleCorpus.find(Path.of("facts"))) {
            try {
                cases.addAll(reader.read(e.input()));
            } catch (InputException ignored) {
                // Examples of unreadable input have no facts to evaluate.
            }
        }
        assertThat(cases).hasSizeGreaterThan(50);
        JsonRenderer json = new JsonRenderer(true, false);

        List<String> fresh = new ArrayList<>();
        for (CaseFacts c : cases) {
            fresh.add(json.render(Planner.plan(new CaseEvaluator(kb, EvaluationLimits.DEFAULT).evaluate(c), true)));
        }
        CaseEvaluator shared = new CaseEvaluator(kb, EvaluationLimits.DEFAULT);
        List<String> reusedForward = new ArrayList<>();
        for (CaseFacts c : cases) {
            reusedForward.add(json.render(Planner.plan(shared.evaluate(c), true)));
        }
        List<String> reusedBackward = new ArrayList<>();
        for (int i = cases.size() - 1; i >= 0; i--) {
            reusedBackward.add(0, json.render(Planner.plan(shared.evaluate(cases.get(i)), true)));
        }
        assertThat(reusedForward).isEqualTo(fresh);
        assertThat(reusedBackward).isEqualTo(fresh);
    }
}
