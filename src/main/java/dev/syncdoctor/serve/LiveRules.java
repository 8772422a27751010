package dev.syncdoctor.serve;

import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.knowledge.KnowledgeCache;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.knowledge.RuleFiles;
import dev.syncdoctor.knowledge.RuleProblem;
import dev.syncdoctor.knowledge.RulesCompileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules the server answers with, reloaded when the rules folder changes: a background thread checks
 * the folder, recompiles on a change and switches to the new rules in one step once they compile. When
 * they do not, the old rules stay in service and the errors (file:line) are kept for the page and /healthz
 * until a later change compiles. Requests read {@link #current()} once and use that for their whole answer.
 */
final class LiveRules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    /** Rules in service: the core over them, what people browse, and what identifies them. */
    record Loaded(SyncDoctor doctor, IssueCatalog catalog, String origin, String hash, int files, int rules,
                  List<RuleProblem> warnings, Instant loadedAt) {
    }

    /** What the server answers with, and the errors of the last reload that did not compile (empty if none). */
    record Status(Loaded current, List<RuleProblem> errors, Instant failedAt) {
    }

    private final ServeSettings settings;
    private final Path watched;
    private final KnowledgeCache cache;
    private volatile Status status;
    private String fingerprint;
    private ScheduledExecutorService watcher;

    private LiveRules(ServeSettings settings, Path watched, KnowledgeCache cache) {
        this.settings = settings;
        this.watched = watched;
        this.cache = cache;
    }

    /** Loads the rules once (their errors stop the start) and, for a folder, starts watching it. */
    static LiveRules start(ServeSettings settings) throws IOException, RulesCompileException {
        Path dir = settings.rulesDir();
        if (dir == null) {
            dir = KnowledgeLoader.defaultFolder().orElse(null);
        }
        KnowledgeCache cache = settings.cacheDir() == null ? null : new KnowledgeCache(settings.cacheDir()).storingInBackground();
        LiveRules live = new LiveRules(settings, dir, cache);
        live.fingerprint = dir == null ? "" : fingerprint(dir);
        live.status = new Status(live.load(), List.of(), null);
        if (dir != null && !settings.reloadInterval().isZero()) {
            live.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rules-reload");
                t.setDaemon(true);
                return t;
            });
            long every = settings.reloadInterval().toMillis();
            live.watcher.scheduleWithFixedDelay(live::checkQuietly, every, every, TimeUnit.MILLISECONDS);
        }
        return live;
    }

    Status status() {
        return status;
    }

    Loaded current() {
        return status.current();
    }

    /** The folder watched for changes, or null for the bundled rules. */
    Path watched() {
        return watched;
    }

    /**
     * Reloads when the folder changed since the last check; returns true when it did change. Called by the
     * watcher thread, and by tests that do not want to wait for it.
     */
    synchronized boolean checkNow() throws IOException {
        if (watched == null) {
            return false;
        }
        String now = fingerprint(watched);
        if (now.equals(fingerprint)) {
            return false;
        }
        fingerprint = now;
        try {
            Loaded next = load();
            if (!next.hash().equals(status.current().hash())) {
                LOG.info("rules reloaded from {}: {} rules, hash {}", next.origin(), next.rules(), next.hash());
            }
            status = new Status(next, List.of(), null);
        } catch (RulesCompileException e) {
            LOG.warn("rules in {} did not compile ({} errors): the previous rules stay in service", watched, e.problems().size());
            status = new Status(status.current(), List.copyOf(e.problems()), Instant.now());
        }
        return true;
    }

    private void checkQuietly() {
        try {
            checkNow();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot read the rules folder {}: {}", watched, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("rules reload failed", e);
        }
    }

    private Loaded load() throws IOException, RulesCompileException {
        RuleFiles files = KnowledgeLoader.read(watched);
        SyncDoctor doctor = SyncDoctor.load(watched, cache, settings.limits(), settings.maxInputBytes());
        var kb = doctor.knowledge();
        return new Loaded(doctor, IssueCatalog.of(files), kb.origin(), kb.rulesInUse().hash(), kb.ruleFiles().size(),
                kb.ruleNames().size(), kb.warnings(), Instant.now());
    }

    /** Names, sizes and modification times of every file under {@code dir}: cheap to take every second. */
    private static String fingerprint(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                try {
                    b.append(dir.relativize(p)).append('\0').append(Files.size(p)).append('\0')
                            .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
                } catch (IOException e) {
                    b.append(p).append("\0gone\n");
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
