package dev.syncdoctor.spark;

import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.batch.BatchEvaluator;
import dev.syncdoctor.batch.BatchFormat;
import dev.syncdoctor.engine.EvaluationLimits;
import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.knowledge.KnowledgeCache;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.knowledge.RuleFiles;
import dev.syncdoctor.knowledge.RulesCompileException;
import dev.syncdoctor.knowledge.RulesInUse;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules folder as the job ships it: its files, read once on the driver and broadcast, so executors
 * need no access to the driver's disk. Each executor JVM turns them into one knowledge base (through the
 * compiled-rules cache when the executor has a cache folder) the first time a task asks, and every task
 * of that JVM then shares it and its pooled sessions, as the threads of {@code batch} do.
 */
final class JobRules implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Per JVM: the evaluator of each rules content seen (one in practice), built once. */
    private static final Map<String, BatchEvaluator> LOADED = new ConcurrentHashMap<>();

    private final String origin;
    private final LinkedHashMap<String, byte[]> files;
    private final String key;
    private final int maxFirings;
    private final long timeLimitMillis;
    private final long maxInputBytes;

    private JobRules(RuleFiles rules, EvaluationLimits limits, long maxInputBytes) {
        this.origin = rules.origin();
        this.files = new LinkedHashMap<>(rules.files());
        this.maxFirings = limits.maxFirings();
        this.timeLimitMillis = limits.timeLimit().toMillis();
        this.maxInputBytes = maxInputBytes;
        this.key = keyOf(rules, limits, maxInputBytes);
    }

    /**
     * Reads and compiles the rules on the driver: a folder that does not compile fails here, before any
     * task runs. The compiled rules serve the tasks that run in the driver's JVM (local mode).
     */
    static JobRules load(Path rulesDir, EvaluationLimits limits, long maxInputBytes)
            throws java.io.IOException, RulesCompileException {
        DroolsLogLevels.apply();
        RuleFiles rules = KnowledgeLoader.read(rulesDir);
        JobRules shipped = new JobRules(rules, limits, maxInputBytes);
        KnowledgeBase kb = shipped.compile(rules);
        LOADED.putIfAbsent(shipped.key, shipped.evaluatorOver(kb));
        return shipped;
    }

    String origin() {
        return origin;
    }

    /** The folder and content hash the summary names, as the CLI's batch names them. */
    RulesInUse rulesInUse() {
        return RulesInUse.of(RuleFiles.of(origin, files));
    }

    /** The evaluator of these rules in this JVM, built by the first task that asks. */
    BatchEvaluator evaluator() {
        return LOADED.computeIfAbsent(key, k -> {
            DroolsLogLevels.apply();
            try {
                return evaluatorOver(compile(RuleFiles.of(origin, files)));
            } catch (RulesCompileException e) {
                // The driver compiled the same files; an executor that cannot is broken, not the rules.
                throw new IllegalStateException("rules compiled on the driver but not on this executor: "
                        + e.problems().get(0).format(), e);
            }
        });
    }

    private BatchEvaluator evaluatorOver(KnowledgeBase kb) {
        EvaluationLimits limits = new EvaluationLimits(maxFirings, Duration.ofMillis(timeLimitMillis));
        return new BatchEvaluator(SyncDoctor.over(kb, limits, maxInputBytes), BatchFormat.JSON);
    }

    /** Through the cache folder of this machine's user when there is one, else a plain compile. */
    private KnowledgeBase compile(RuleFiles rules) throws RulesCompileException {
        Path cacheDir = KnowledgeCache.defaultDirectory();
        if (cacheDir != null) {
            // Stored on the side: the first tasks do not wait for the cached form to be written.
            return new KnowledgeCache(cacheDir).storingInBackground().load(rules);
        }
        return KnowledgeLoader.compile(rules);
    }

    /** The rules' content hash (as every output names it) with the limits the evaluators are built with. */
    private static String keyOf(RuleFiles rules, EvaluationLimits limits, long maxInputBytes) {
        return RulesInUse.hashOf(rules) + "/" + limits + "/" + maxInputBytes;
    }
}
