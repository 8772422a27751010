package dev.syncdoctor.engine;

import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.model.Action;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.Diagnosis;
import dev.syncdoctor.model.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

/**
 * Evaluates one case: a session on the shared knowledge base (an idle one reset after its last case, or
 * a new one), the case's facts inserted, rules fired within the limits, and every conclusion collected
 * with the rule and facts that produced it. Thread-safe: a session serves one call at a time and goes
 * back to the idle pool only once it is reset.
 *
 * <p>Limits ({@link EvaluationLimits}): the fire limit stops a rule that loops; the time limit is checked
 * before every firing (many cheap firings) and by the shared {@link Watchdog} (a consequence that
 * sleeps or blocks is interrupted and the session halted). A consequence that spins in pure CPU without
 * firing can only be stopped when it returns. A rule that throws is caught. Each of these makes the
 * evaluation a failure naming the rule and the reason; the caller's thread is left un-interrupted.
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
        KieSession session = idle.pollFirst();
        if (session != null) {
            idleCount.decrementAndGet();
        } else {
            session = knowledge.kieBase().newKieSession();
        }
        long deadline = deadline(System.nanoTime(), limits.timeLimit());
        Recorder recorder = new Recorder(session, deadline);
        session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder.agenda);
        session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder.runtime);
        String failure = null;
        Watchdog.Watch watch = Watchdog.shared().watch(session::halt, deadline);
        try {
            for (Object fact : facts.facts()) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(limits.maxFirings());
            if (recorder.timedOut || watch.expired()) {
                failure = timeLimitFailure(recorder.lastRule);
            } else if (fired >= limits.maxFirings()) {
                failure = fireLimitFailure(recorder.fired, fired);
            }
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            // A rule's consequence (or condition) threw, or the watchdog interrupted a blocked consequence.
            String rule = e instanceof ConsequenceException ce && ce.getRule() != null ? ce.getRule().getName() : recorder.lastRule;
            if (recorder.timedOut || watch.expired()) {
                failure = timeLimitFailure(rule);
            } else {
                Throwable cause = e instanceof ConsequenceException && e.getCause() != null ? e.getCause() : e;
                failure = (rule == null ? "rules failed while matching the facts" : "rule '" + rule + "' failed")
                        + ": " + describe(cause);
            }
        } finally {
            watch.finish();
            release(session, failure == null && !recorder.timedOut && !watch.expired());
        }
        return new Evaluation(facts, recorder.diagnoses, recorder.requirements, recorder.actions, recorder.trail,
                recorder.fired, failure);
    }

    /**
     * Sessions that finished cleanly, reset for the next case. Creating a session per case costs little on
     * one thread, but Drools registers and unregisters every session with the shared knowledge base, and
     * with two workers that bookkeeping contended: reusing reset sessions cut the rules' cost per case by
     * about a third with two threads. A session that failed, hit a limit or was halted is never reused.
     */
    private final java.util.concurrent.ConcurrentLinkedDeque<KieSession> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger idleCount = new java.util.concurrent.atomic.AtomicInteger();
    private static final int MAX_IDLE_SESSIONS = 16;

    private void release(KieSession session, boolean clean) {
        // reset() empties working memory and agenda and drops the listeners; the next case adds its own.
        // The bound is approximate under races (each thread may add one more): it only caps memory.
        if (clean && idleCount.get() < MAX_IDLE_SESSIONS) {
            try {
                if (dev.syncdoctor.knowledge.DroolsInternals.reset(session)) {
                    idleCount.incrementAndGet();
                    idle.offerFirst(session);
                    return;
                }
            } catch (RuntimeException e) {
                // A session that cannot be reset is simply not reused.
            }
        }
        session.dispose();
    }

    /** now + limit, saturated rather than overflowing for a huge limit. */
    static long deadline(long now, Duration limit) {
        long nanos;
        try {
            nanos = limit.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        long max = Long.MAX_VALUE / 4; // far beyond any run, and no overflow in deadline - now
        return now + Math.min(nanos, max);
    }

    private String timeLimitFailure(String rule) {
        return (rule == null ? "rules" : "rule '" + rule + "'") + " ran past the time limit of "
                + limits.timeLimit().toMillis() + " ms";
    }

    /** Names the rule that fired most: with a loop, the looping rule. */
    private String fireLimitFailure(List<org.kie.api.definition.rule.Rule> fired, int count) {
        Map<String, Integer> byRule = new HashMap<>();
        String top = null;
        int topCount = 0;
        for (org.kie.api.definition.rule.Rule r : fired) {
            int c = byRule.merge(r.getName(), 1, Integer::sum);
            if (c > topCount) {
                top = r.getName();
                topCount = c;
            }
        }
        return "rule '" + top + "' fired " + topCount + " of " + count + " times, the fire limit of "
                + limits.maxFirings() + " (a rule that loops?)";
    }

    /** One line: the exception's type and first line of its message. */
    private static String describe(Throwable t) {
        String m = t.getMessage();
        if (m != null) {
            int nl = m.indexOf('\n');
            m = (nl >= 0 ? m.substring(0, nl) : m).trim();
            if (m.length() > 300) {
                m = m.substring(0, 300) + "...";
            }
        }
        return t.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
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
                if (!timedOut && System.nanoTime() - deadline > 0) {
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
