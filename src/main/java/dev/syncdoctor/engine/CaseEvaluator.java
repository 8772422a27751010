package dev.syncdoctor.engine;

import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.model.Action;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.Diagnosis;
import dev.syncdoctor.model.Requirement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * Evaluates one case: a fresh session on the shared knowledge base, the case's facts inserted, rules
 * fired within the limits, and every conclusion collected with the rule and facts that produced it.
 * Thread-safe: each call uses its own session.
 */
public final class CaseEvaluator {
    private final KnowledgeBase knowledge;
    private final EvaluationLimits limits;

    public CaseEvaluator(KnowledgeBase knowledge, EvaluationLimits limits) {
        this.knowledge = knowledge;
        this.limits = limits;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public Evaluation evaluate(CaseFacts facts) {
        KieSession session = knowledge.kieBase().newKieSession();
        Recorder recorder = new Recorder(session, System.nanoTime() + limits.timeLimit().toNanos());
        session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder.agenda);
        session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder.runtime);
        String failure = null;
        try {
            for (Object fact : facts.facts()) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(limits.maxFirings());
            if (recorder.timedOut) {
                failure = "rule '" + recorder.lastRule + "' ran past the time limit of " + limits.timeLimit().toMillis() + " ms";
            } else if (fired >= limits.maxFirings()) {
                failure = "rules fired " + fired + " times, the fire limit; last rule '" + recorder.lastRule + "' (a rule that loops?)";
            }
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            failure = "rule '" + recorder.lastRule + "' failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        } finally {
            session.dispose();
        }
        return new Evaluation(facts, recorder.diagnoses, recorder.requirements, recorder.actions, recorder.trail,
                recorder.fired, failure);
    }

    /** Records firings and the conclusions rules insert, in order, with their derivations. */
    private static final class Recorder {
        final List<Diagnosis> diagnoses = new ArrayList<>();
        final List<Requirement> requirements = new ArrayList<>();
        final List<Action> actions = new ArrayList<>();
        final IdentityHashMap<Object, Derivation> trail = new IdentityHashMap<>();
        final List<org.kie.api.definition.rule.Rule> fired = new ArrayList<>();
        final KieSession session;
        final long deadline;
        Match current;
        String lastRule;
        boolean timedOut;

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current = event.getMatch();
                lastRule = current.getRule().getName();
                fired.add(current.getRule());
                if (System.nanoTime() > deadline && !timedOut) {
                    timedOut = true;
                    session.halt();
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                current = null;
            }
        };

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                Object o = event.getObject();
                if (event.getRule() != null) {
                    List<Object> matched = current == null ? List.of() : List.copyOf(current.getObjects());
                    trail.put(o, new Derivation(event.getRule().getName(), matched));
                }
                if (o instanceof Diagnosis d) {
                    diagnoses.add(d);
                } else if (o instanceof Requirement r) {
                    requirements.add(r);
                } else if (o instanceof Action a) {
                    actions.add(a);
                }
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                Object o = event.getOldObject();
                diagnoses.remove(o);
                requirements.remove(o);
                actions.remove(o);
            }
        };

        Recorder(KieSession session, long deadline) {
            this.session = session;
            this.deadline = deadline;
        }
    }
}
