package dev.syncdoctor.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RulesCompiler} that keeps compiled knowledge between runs, so a new process does not recompile
 * unchanged rules. It wraps another compiler (the guarded classic compile by default) and only adds the cache:
 * the entry name is the {@link CacheKey} of the rules, its content a {@link CacheEntry} holding the
 * {@link ExecutableModelBuilder executable model}, kept in a {@link CacheFolder} that is trusted only when
 * it is the user's own.
 *
 * <p>On a miss the wrapped compiler runs first, so compile errors are reported exactly as without a cache
 * and nothing is stored; only rules that compile are then built as an executable model and stored. An
 * entry that cannot be read or trusted, rules the executable model cannot build, or a folder that cannot
 * be written or trusted is never a failure: the rules are compiled as usual.
 */
public final class KnowledgeCache implements RulesCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeCache.class);
    static final String SUFFIX = CacheFolder.SUFFIX;

    /** What {@link #compile} did, for logs and tests. */
    public enum Outcome {
        /** The entry was there and loaded: nothing was compiled. */
        HIT,
        /** Compiled, and the executable model stored for the next run. */
        STORED,
        /** Compiled; nothing stored (the executable model could not be built, or the folder not written or trusted). */
        COMPILED
    }

    /** Stores started by caches in background mode; the program waits for them before it exits. */
    private static final List<Thread> PENDING = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final CacheFolder folder;
    private final RulesCompiler compiler;
    private volatile Outcome lastOutcome;
    private volatile boolean background;

    public KnowledgeCache(Path dir) {
        this(dir, RulesCompiler.GUARDED);
    }

    public KnowledgeCache(Path dir, RulesCompiler compiler) {
        this.folder = new CacheFolder(dir);
        this.compiler = compiler;
    }

    /**
     * On a miss, hand the compiled rules back at once and build and store the cached form on a thread
     * of its own: the first run after a rules change answers as fast as an uncached one (the build
     * takes about as long as the compile), and the store finishes while the answer is written. Call
     * {@link #awaitPendingStores()} before the process exits.
     */
    public KnowledgeCache storingInBackground() {
        this.background = true;
        return this;
    }

    /** Waits for stores started in background mode (each is atomic: an interrupted one leaves no entry). */
    public static void awaitPendingStores() {
        for (Thread t : PENDING) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Where the cache lives unless {@code --cache-dir} says otherwise: {@code $XDG_CACHE_HOME/syncdoctor},
     * else {@code ~/.cache/syncdoctor}; null when neither can be known.
     */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    static Path defaultDirectory(String xdgCacheHome, String userHome) {
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            return Path.of(xdgCacheHome, "syncdoctor");
        }
        if (userHome != null && !userHome.isBlank()) {
            return Path.of(userHome, ".cache", "syncdoctor");
        }
        return null;
    }

    /** What the last {@link #compile} of this instance did, or null before the first. */
    public Outcome lastOutcome() {
        return lastOutcome;
    }

    /** The file that holds (or would hold) the compiled form of {@code files}. */
    public Path entryFor(RuleFiles files) {
        return folder.entry(CacheKey.of(files));
    }

    /** The same as {@link #compile}: kept for callers that read better with "load". */
    public KnowledgeBase load(RuleFiles files) throws RulesCompileException {
        return compile(files);
    }

    /**
     * The knowledge base of {@code files}: reloaded from the cache when it holds them, else compiled by the
     * wrapped compiler (and stored). Throws exactly what the wrapped compiler throws.
     */
    @Override
    public KnowledgeBase compile(RuleFiles files) throws RulesCompileException {
        long start = System.nanoTime();
        if (!folder.usable()) {
            lastOutcome = Outcome.COMPILED;
            return compiler.compile(files);
        }
        String key = CacheKey.of(files);
        Path entry = folder.entry(key);
        KnowledgeBase cached = reload(entry, files);
        if (cached != null) {
            lastOutcome = Outcome.HIT;
            LOG.debug("loaded {} rules from the cache {} in {} ms", cached.ruleNames().size(), entry, millisSince(start));
            return cached;
        }
        KnowledgeBase compiled = compiler.compile(files);
        long compiledAt = System.nanoTime();
        if (background) {
            lastOutcome = Outcome.COMPILED;
            Thread store = new Thread(() -> {
                try {
                    store(files, key, entry, compiled, compiledAt);
                } finally {
                    PENDING.remove(Thread.currentThread());
                }
            }, "rules-cache-store");
            store.setDaemon(true); // awaited explicitly by the program; never keeps a test JVM alive
            PENDING.add(store);
            store.start();
            return compiled;
        }
        store(files, key, entry, compiled, compiledAt);
        return compiled;
    }

    private void store(RuleFiles files, String key, Path entry, KnowledgeBase compiled, long compiledAt) {
        byte[] module = ExecutableModelBuilder.build(files, key);
        boolean stored = false;
        if (module != null) {
            try {
                stored = folder.write(entry, new CacheEntry(compiled.warnings(), module).encode());
            } catch (IOException e) {
                LOG.debug("cannot encode the cache entry", e);
            }
        }
        if (stored) {
            lastOutcome = Outcome.STORED;
            LOG.debug("stored the compiled rules in {} ({} ms after compiling)", entry, millisSince(compiledAt));
            folder.prune(entry);
        } else {
            lastOutcome = Outcome.COMPILED;
        }
    }

    /** The knowledge base stored in {@code entry}, or null when there is none or it cannot be used (logged). */
    private KnowledgeBase reload(Path entry, RuleFiles files) {
        byte[] content = folder.read(entry);
        if (content == null) {
            return null;
        }
        try {
            CacheEntry stored = CacheEntry.decode(content);
            KieBase kieBase = ModuleJar.kieBaseOf(stored.module());
            List<String> ruleFiles = new ArrayList<>();
            for (String name : files.files().keySet()) {
                if (RuleFiles.isRuleFile(name)) {
                    ruleFiles.add(name);
                }
            }
            folder.touch(entry);
            return new KnowledgeBase(kieBase, files, ruleFiles, KnowledgeLoader.ruleNamesOf(kieBase), stored.warnings());
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("ignoring the damaged cached knowledge {} ({}); compiling the rules", entry, e.toString());
            LOG.debug("why the cached knowledge was ignored", e);
            return null;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
