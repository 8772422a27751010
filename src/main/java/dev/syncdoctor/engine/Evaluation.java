package dev.syncdoctor.engine;

import dev.syncdoctor.model.Action;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.Diagnosis;
import dev.syncdoctor.model.Requirement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of running the rules over one case: the conclusions in the order rules drew them, the
 * rule and facts behind each, and, when the session had to be stopped or a rule failed, why.
 */
public final class Evaluation {
    private final CaseFacts facts;
    private final List<Diagnosis> diagnoses;
    private final List<Requirement> requirements;
    private final List<Action> actions;
    private final Map<Object, Derivation> trail;
    private final List<org.kie.api.definition.rule.Rule> firedRules;
    private final String failure;

    Evaluation(CaseFacts facts, List<Diagnosis> diagnoses, List<Requirement> requirements, List<Action> actions,
               IdentityHashMap<Object, Derivation> trail, List<org.kie.api.definition.rule.Rule> firedRules, String failure) {
        this.facts = facts;
        this.diagnoses = List.copyOf(diagnoses);
        this.requirements = List.copyOf(requirements);
        this.actions = List.copyOf(actions);
        this.trail = trail;
        this.firedRules = List.copyOf(firedRules);
        this.failure = failure;
    }

    public CaseFacts facts() { return facts; }
    public List<Diagnosis> diagnoses() { return diagnoses; }
    public List<Requirement> requirements() { return requirements; }
    public List<Action> actions() { return actions; }
    /** Qualified rule names ("package.rule") in firing order, with repeats: for explanations and coverage. */
    public List<String> firedRules() {
        List<String> names = new java.util.ArrayList<>(firedRules.size());
        for (var r : firedRules) {
            names.add(r.getPackageName() + "." + r.getName());
        }
        return names;
    }
    /** Why the session was stopped or failed; null when it ran to completion. */
    public String failure() { return failure; }

    public Derivation derivationOf(Object conclusion) {
        return trail.get(conclusion);
    }
}
