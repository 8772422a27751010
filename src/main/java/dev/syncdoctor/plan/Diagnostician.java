package dev.syncdoctor.plan;

import dev.syncdoctor.engine.CaseEvaluator;
import dev.syncdoctor.engine.EvaluationLimits;
import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.model.CaseFacts;

/**
 * The one path from facts to an answer, shared by {@code diagnose}, {@code batch}, {@code rules test}
 * and the test suite: evaluate the rules over a case, then order the plan. Thread-safe.
 */
public final class Diagnostician {
    private final CaseEvaluator evaluator;

    public Diagnostician(KnowledgeBase knowledge, EvaluationLimits limits) {
        this.evaluator = new CaseEvaluator(knowledge, limits);
    }

    public Diagnostician(KnowledgeBase knowledge) {
        this(knowledge, EvaluationLimits.DEFAULT);
    }

    public KnowledgeBase knowledge() {
        return evaluator.knowledge();
    }

    public CaseResult diagnose(CaseFacts facts) {
        return diagnose(facts, false);
    }

    /** With {@code explain}, the result also lists the facts behind every diagnosis and step. */
    public CaseResult diagnose(CaseFacts facts, boolean explain) {
        return Planner.plan(evaluator.evaluate(facts), explain);
    }
}
