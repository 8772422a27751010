package dev.syncdoctor.engine;

import dev.syncdoctor.hostile.MisbehavingRules;
import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.CaseStatus;
import dev.syncdoctor.plan.Diagnostician;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that misbehave (loop, sleep, spin, throw) are stopped or caught per case: the case is invalid
 * with the rule's name and the reason, the thread is left clean, and the next case is evaluated as usual.
 */
class MisbehavingRulesTest {
    static final String BAD_REQUEST = "The remote server returned an error: (400) Bad Request.), AX export encountered an error";

    @TempDir
    static Path rulesDir;

    static KnowledgeBase kb;

    @BeforeAll
    static void compile() throws Exception {
        kb = KnowledgeLoader.load(MisbehavingRules.writeTo(rulesDir));
    }

    @AfterEach
    void threadIsClean() {
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt leaked to the caller").isFalse();
    }

    static CaseFacts caseFor(String map) {
        CaseFacts c = new CaseReader(CaseReader.DEFAULT_MAX_BYTES).fromText("t", map, BAD_REQUEST);
        if (map != null) {
            c.getSyncCase().setMapName(map);
        }
        return c;
    }

    static CaseResult run(String map, int maxFirings, long timeLimitMillis) {
        return new Diagnostician(kb, new EvaluationLimits(maxFirings, Duration.ofMillis(timeLimitMillis))).diagnose(caseFor(map));
    }

    static long millisOf(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void aWellBehavedCaseIsDiagnosed() {
        CaseResult r = run(null, 10_000, 5_000);
        assertThat(r.status()).isEqualTo(CaseStatus.DIAGNOSED);
        assertThat(r.error()).isNull();
    }

    @Test
    void aModifyLoopIsStoppedByTheFireLimit() {
        CaseResult r = run(MisbehavingRules.LOOP, 500, 60_000);
        assertThat(r.status()).isEqualTo(CaseStatus.INVALID);
        assertThat(r.error()).contains("rule 'loops forever'").contains("fire limit of 500");
        assertThat(r.diagnoses()).isEmpty();
    }

    @Test
    void anInsertLoopIsStoppedByTheFireLimit() {
        CaseResult r = run(MisbehavingRules.INSERT_LOOP, 1_000, 60_000);
        assertThat(r.status()).isEqualTo(CaseStatus.INVALID);
        assertThat(r.error()).contains("rule 'inserts forever'").contains("fire limit of 1000");
    }

    @Test
    void manyCheapFiringsAreStoppedByTheTimeLimit() {
        CaseResult[] r = new CaseResult[1];
        long ms = millisOf(() -> r[0] = run(MisbehavingRules.LOOP, Integer.MAX_VALUE, 200));
        assertThat(r[0].status()).isEqualTo(CaseStatus.INVALID);
        assertThat(r[0].error()).isEqualTo("rule 'loops forever' ran past the time limit of 200 ms");
        assertThat(ms).isLessThan(10_000);
    }

    @Test
    void aSleepingConsequenceIsInterruptedAtTheDeadline() {
        CaseResult[] r = new CaseResult[1];
        long ms = millisOf(() -> r[0] = run(MisbehavingRules.SLEEP, 10_000, 200));
        assertThat(r[0].status()).isEqualTo(CaseStatus.INVALID);
        assertThat(r[0].error()).isEqualTo("rule 'sleeps a minute' ran past the time limit of 200 ms");
        assertThat(ms).isBetween(150L, 10_000L);
    }

    @Test
    void aConsequenceThatSwallowsTheInterruptIsHaltedWhenItReturns() {
        CaseResult[] r = new CaseResult[1];
        long ms = millisOf(() -> r[0] = run(MisbehavingRules.SWALLOW, 10_000, 200));
        assertThat(r[0].status()).isEqualTo(CaseStatus.INVALID);
        assertThat(r[0].error()).contains("ran past the time limit of 200 ms");
        assertThat(ms).isLessThan(10_000);
    }

    @Test
    void aConsequenceSpinningOnTheCpuStopsOnlyWhenItReturns() {
        // Documented limit: pure CPU work that neither fires nor looks at interrupts cannot be cut short;
        // the halt takes effect as soon as the consequence returns.
        CaseResult[] r = new CaseResult[1];
        long ms = millisOf(() -> r[0] = run(MisbehavingRules.SPIN, 10_000, 100));
        assertThat(r[0].status()).isEqualTo(CaseStatus.INVALID);
        assertThat(r[0].error()).isEqualTo("rule 'spins on the CPU' ran past the time limit of 100 ms");
        assertThat(ms).isGreaterThanOrEqualTo(MisbehavingRules.SPIN_MILLIS - 50).isLessThan(MisbehavingRules.SPIN_MILLIS + 10_000);
    }

    @Test
    void aRuleThatThrowsIsCaught() {
        CaseResult r = run(MisbehavingRules.THROW, 10_000, 5_000);
        assertThat(r.status()).isEqualTo(CaseStatus.INVALID);
        assertThat(r.error()).isEqualTo("rule 'throws' failed: IllegalStateException: boom from a rule");
    }

    @Test
    void aConditionThatThrowsIsCaught() {
        CaseResult r = run(MisbehavingRules.BAD_CONDITION, 10_000, 5_000);
        assertThat(r.status()).isEqualTo(CaseStatus.INVALID);
        assertThat(r.error()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void theRestOfABatchGoesOnInParallel() throws Exception {
        Diagnostician d = new Diagnostician(kb, new EvaluationLimits(2_000, Duration.ofMillis(1_500)));
        String[] kinds = {null, MisbehavingRules.LOOP, null, MisbehavingRules.SLEEP, null, MisbehavingRules.THROW,
                MisbehavingRules.INSERT_LOOP, null, MisbehavingRules.SWALLOW};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CaseResult>> results = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                String kind = kinds[i % kinds.length];
                results.add(pool.submit(() -> {
                    CaseResult r = d.diagnose(caseFor(kind));
                    assertThat(Thread.currentThread().isInterrupted()).isFalse();
                    return r;
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                CaseResult r = results.get(i).get();
                String kind = kinds[i % kinds.length];
                assertThat(r.status()).as("case %d (%s): %s", i, kind, r.error())
                        .isEqualTo(kind == null ? CaseStatus.DIAGNOSED : CaseStatus.INVALID);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Watchdog.shared().watching()).isZero();
    }

    @Test
    void hugeTimeLimitsDoNotOverflow() {
        long now = System.nanoTime();
        assertThat(CaseEvaluator.deadline(now, Duration.ofSeconds(Long.MAX_VALUE)) - now).isPositive();
        assertThat(run(null, 10_000, Long.MAX_VALUE / 2).status()).isEqualTo(CaseStatus.DIAGNOSED);
    }
}
