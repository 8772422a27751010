package dev.syncdoctor.api;

import dev.syncdoctor.engine.EvaluationLimits;
import dev.syncdoctor.ingest.CaseContext;
import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.knowledge.KnowledgeCache;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.knowledge.RulesCompileException;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.Diagnostician;
import dev.syncdoctor.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The core API every front end (CLI, web server, Spark job) adapts: the knowledge loaded once, then
 * read a case, diagnose it, render it. Front ends never wire ingest, knowledge and engine themselves.
 * Thread-safe once built; share one instance.
 */
public final class SyncDoctor {
    private final Diagnostician diagnostician;
    private final CaseInputs inputs;

    private SyncDoctor(KnowledgeBase knowledge, EvaluationLimits limits, long maxInputBytes) {
        this.diagnostician = new Diagnostician(knowledge, limits);
        this.inputs = new CaseInputs(maxInputBytes);
    }

    /** A core over knowledge already loaded. */
    public static SyncDoctor over(KnowledgeBase knowledge, EvaluationLimits limits, long maxInputBytes) {
        return new SyncDoctor(knowledge, limits, maxInputBytes);
    }

    /**
     * Loads the rules of {@code rulesDir} (null: {@code ./rules} if present, else the installation's {@code rules/}, else the bundled copy), through
     * {@code cache} when it is not null.
     */
    public static SyncDoctor load(Path rulesDir, KnowledgeCache cache, EvaluationLimits limits, long maxInputBytes)
            throws IOException, RulesCompileException {
        return new SyncDoctor(KnowledgeLoader.load(rulesDir, cache), limits, maxInputBytes);
    }

    public KnowledgeBase knowledge() {
        return diagnostician.knowledge();
    }

    /** The readers this core uses, bounded by its input limit; usable before the knowledge is loaded. */
    public CaseInputs inputs() {
        return inputs;
    }

    /** Diagnoses one case read without problems. Never throws for a rule failure: the result is invalid. */
    public CaseResult diagnose(CaseFacts facts, boolean explain) {
        return diagnostician.diagnose(facts, explain);
    }

    /** Diagnoses {@code facts} after applying {@code overrides} (what the user said beyond the text). */
    public CaseResult diagnose(CaseFacts facts, CaseContext overrides, boolean explain) {
        if (overrides != null) {
            overrides.applyTo(facts.getSyncCase());
        }
        return diagnose(facts, explain);
    }

    /** The result of one read entry: its diagnosis, or an invalid result saying why it could not be read. */
    public CaseResult diagnose(CaseInput input, boolean explain) {
        if (!input.ok()) {
            return CaseResult.invalid(input.source(), input.caseId(), input.problem().getMessage());
        }
        return diagnose(input.facts(), explain);
    }

    /** One result rendered for people (text, markdown) or programs (JSON, the output contract). */
    public static String render(CaseResult result, ReportFormat format, boolean explain) {
        return format.renderer(explain).render(result);
    }

    /** As {@link #render(CaseResult, ReportFormat, boolean)}, naming the rules of this core in the answer. */
    public String renderNamingRules(CaseResult result, ReportFormat format, boolean explain) {
        return format.renderer(explain, knowledge().rulesInUse()).render(result);
    }
}
