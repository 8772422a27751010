package dev.syncdoctor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncdoctor.cli.Main;
import dev.syncdoctor.plan.Diagnostician;
import dev.syncdoctor.report.JsonRenderer;
import dev.syncdoctor.verify.CheckResult;
import dev.syncdoctor.verify.ExampleCase;
import dev.syncdoctor.verify.ExampleCheck;
import dev.syncdoctor.verify.ExampleCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-rules cache: a knowledge base reloaded from the cache behaves exactly as one compiled,
 * a change to any rule file gives a new entry, a damaged entry is rebuilt, errors are reported as
 * without the cache, and {@code --no-cache} leaves the cache alone.
 */
class KnowledgeCacheTest {
    private static List<ExampleCase> examples;
    /** Every example's full result (with the explanation trail) from the classic compile of rules/. */
    private static Map<String, String> classicResults;

    @TempDir
    Path cacheDir;
    @TempDir
    Path rules;

    @BeforeAll
    static void compileClassic() throws Exception {
        examples = ExampleCorpus.find(Path.of("facts"));
        classicResults = results(KnowledgeLoader.load(Path.of("rules")));
        assertThat(classicResults).hasSizeGreaterThanOrEqualTo(10);
    }

    @BeforeEach
    void copyRules() throws IOException {
        RuleFolders.copyShippedRules(rules);
    }

    /** Runs the example corpus; every example must pass, and its whole result is kept for comparison. */
    private static Map<String, String> results(KnowledgeBase kb) {
        ExampleCheck check = new ExampleCheck(new Diagnostician(kb));
        JsonRenderer json = new JsonRenderer(true, false);
        Map<String, String> out = new LinkedHashMap<>();
        for (ExampleCase e : examples) {
            CheckResult r = check.check(e);
            assertThat(r.differences()).as(e.name()).isEmpty();
            out.put(e.name(), json.render(r.actual()));
        }
        return out;
    }

    private RuleFiles files() throws IOException {
        return RuleFiles.fromDirectory(rules);
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(cacheDir)) {
            return list.sorted().toList();
        }
    }

    @Test
    void aMissStoresTheRulesAndAHitReloadsThemWithIdenticalResults() throws Exception {
        KnowledgeCache cache = new KnowledgeCache(cacheDir);
        KnowledgeBase missed = cache.load(files());
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.STORED);
        assertThat(entries()).containsExactly(cache.entryFor(files()));
        assertThat(results(missed)).isEqualTo(classicResults);

        KnowledgeCache again = new KnowledgeCache(cacheDir);
        KnowledgeBase hit = again.load(files());
        assertThat(again.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.HIT);
        assertThat(results(hit)).isEqualTo(classicResults);
        assertThat(hit.ruleNames()).isEqualTo(missed.ruleNames()).isNotEmpty();
        assertThat(hit.ruleFiles()).isEqualTo(missed.ruleFiles());
        assertThat(hit.origin()).isEqualTo(missed.origin());
    }

    @Test
    void changingAddingOrRemovingARuleFileGivesANewEntry() throws Exception {
        KnowledgeCache cache = new KnowledgeCache(cacheDir);
        cache.load(files());
        Path first = cache.entryFor(files());

        // A step text edited in a table: the cached module must not be used, the new text must show.
        Path steps = rules.resolve("steps.drl.csv");
        String table = Files.readString(steps, StandardCharsets.UTF_8);
        assertThat(table).contains("Run the initial sync of {map} again.");
        Files.writeString(steps, table.replace("Run the initial sync of {map} again.", "Run the initial sync of {map} once more."), StandardCharsets.UTF_8);
        assertThat(cache.entryFor(files())).isNotEqualTo(first);
        KnowledgeBase edited = cache.load(files());
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.STORED);
        KnowledgeBase editedHit = cache.load(files());
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.HIT);
        assertThat(stepTexts(editedHit)).isEqualTo(stepTexts(edited)).anyMatch(t -> t.contains("once more"));

        Path second = cache.entryFor(files());
        Files.writeString(rules.resolve("core/extra.drl"), "package dev.syncdoctor.rules.extra\n");
        assertThat(cache.entryFor(files())).isNotIn(first, second);
        Files.delete(rules.resolve("core/extra.drl"));
        assertThat(cache.entryFor(files())).isEqualTo(second);
        // The same content in another folder is the same entry.
        assertThat(new KnowledgeCache(cacheDir).entryFor(RuleFiles.fromDirectory(Path.of("rules")))).isEqualTo(first);
    }

    private static List<String> stepTexts(KnowledgeBase kb) throws IOException {
        ExampleCheck check = new ExampleCheck(new Diagnostician(kb));
        ExampleCase docs = ExampleCorpus.load(Path.of("facts/examples/initial-sync/bad-request-docs-example.txt"));
        List<String> texts = new ArrayList<>();
        check.check(docs).actual().actions().forEach(a -> texts.add(a.text()));
        return texts;
    }

    @Test
    void aDamagedEntryIsIgnoredAndRebuilt() throws Exception {
        KnowledgeCache cache = new KnowledgeCache(cacheDir);
        cache.load(files());
        Path entry = cache.entryFor(files());
        byte[] good = Files.readAllBytes(entry);

        // Every kind of damage is caught before Drools sees the bytes...
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        List<byte[]> damaged = List.of(flipped, java.util.Arrays.copyOf(good, good.length / 3), new byte[0],
                "not a cache entry".getBytes(StandardCharsets.UTF_8));
        for (byte[] bad : damaged) {
            assertThatThrownBy(() -> CacheEntry.decode(bad)).isInstanceOf(IOException.class);
        }
        // ...and a damaged entry is replaced by a good one, with no failure.
        Files.write(entry, flipped);
        KnowledgeBase rebuilt = cache.load(files());
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.STORED);
        assertThat(rebuilt.ruleNames()).isNotEmpty();
        assertThat(CacheEntry.decode(Files.readAllBytes(entry)).module()).isNotEmpty();
        KnowledgeBase hit = cache.load(files());
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.HIT);
        assertThat(results(hit)).isEqualTo(classicResults);

        // An entry others could have written is code no one vouches for: not used, replaced.
        if (Files.getFileStore(entry).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(entry)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
            assertThat(CacheFolder.untrusted(entry, false)).isPresent();
            cache.load(files());
            assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.STORED);
            assertThat(CacheFolder.untrusted(entry, false)).isEmpty();
        }
    }

    @Test
    void rulesWithErrorsAreReportedAsWithoutTheCacheAndNothingIsStored() throws Exception {
        Files.writeString(rules.resolve("core/broken.drl"),
                "package dev.syncdoctor.rules.core\nimport dev.syncdoctor.model.*;\nrule \"x\"\nwhen\n  SyncCase( nosuchfield == 1 )\nthen\nend\n");
        RulesCompileException classic = null;
        try {
            KnowledgeLoader.compile(files());
        } catch (RulesCompileException e) {
            classic = e;
        }
        assertThat(classic).isNotNull();
        List<String> expected = classic.problems().stream().map(RuleProblem::format).toList();
        assertThat(expected).anyMatch(m -> m.startsWith("core/broken.drl:5"));

        KnowledgeCache cache = new KnowledgeCache(cacheDir);
        assertThatThrownBy(() -> cache.load(files())).isInstanceOfSatisfying(RulesCompileException.class,
                e -> assertThat(e.problems().stream().map(RuleProblem::format).toList()).isEqualTo(expected));
        assertThat(entries()).isEmpty();
    }

    @Test
    void decisionTableErrorsAreStillLocatedByRow() throws Exception {
        RuleFolders.writeStepsWorkbook(rules.resolve("extra-steps.drl.xlsx"), "three");
        assertThatThrownBy(() -> new KnowledgeCache(cacheDir).load(files())).isInstanceOfSatisfying(RulesCompileException.class,
                e -> assertThat(e.problems().stream().map(RuleProblem::format)).anyMatch(m -> m.startsWith("extra-steps.drl.xlsx:10:Order: ")));
        assertThat(entries()).isEmpty();
    }

    @Test
    void anXlsxDecisionTableAndTheCompileWarningsAreCachedAndReloaded() throws Exception {
        RuleFolders.writeStepsWorkbook(rules.resolve("extra-steps.drl.xlsx"), "3");
        Files.writeString(rules.resolve("notes.csv"), "a,b\n");
        KnowledgeBase compiled = KnowledgeLoader.compile(files());
        KnowledgeCache cache = new KnowledgeCache(cacheDir);
        List<RuleProblem> missedWarnings = cache.load(files()).warnings();
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.STORED);
        assertThat(missedWarnings).isEqualTo(compiled.warnings()).anyMatch(w -> "notes.csv".equals(w.file()));
        KnowledgeBase hit = cache.load(files());
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.HIT);
        assertThat(hit.warnings()).isEqualTo(missedWarnings);
        assertThat(hit.ruleNames()).contains("dev.syncdoctor.rules.extra.extra verify").isEqualTo(compiled.ruleNames());
        assertThat(stepTexts(hit)).isEqualTo(stepTexts(compiled)).contains("Check that the map shows Running.");
    }

    @Test
    void concurrentRunsOnAnEmptyCacheAllSucceedAndLeaveOneWholeEntry() throws Exception {
        RuleFiles files = files();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<KnowledgeBase>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<KnowledgeBase> run = () -> new KnowledgeCache(cacheDir).load(files);
                runs.add(pool.submit(run));
            }
            for (Future<KnowledgeBase> run : runs) {
                assertThat(run.get().ruleNames()).isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(entries()).containsExactly(new KnowledgeCache(cacheDir).entryFor(files));
        KnowledgeCache cache = new KnowledgeCache(cacheDir);
        assertThat(results(cache.load(files))).isEqualTo(classicResults);
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.HIT);
    }

    @Test
    void aCacheThatCannotBeWrittenIsNoFailure() throws Exception {
        Path notADirectory = cacheDir.resolve("file");
        Files.writeString(notADirectory, "x");
        KnowledgeCache cache = new KnowledgeCache(notADirectory);
        KnowledgeBase kb = cache.load(files());
        assertThat(cache.lastOutcome()).isEqualTo(KnowledgeCache.Outcome.COMPILED);
        assertThat(results(kb)).isEqualTo(classicResults);
    }

    @Test
    void theDefaultFolderIsUnderTheUsersCacheHome() {
        assertThat(KnowledgeCache.defaultDirectory("/var/cache/me", "/home/me")).isEqualTo(Path.of("/var/cache/me", "syncdoctor"));
        // The XDG spec: a relative or empty XDG_CACHE_HOME is ignored.
        assertThat(KnowledgeCache.defaultDirectory("relative", "/home/me")).isEqualTo(Path.of("/home/me", ".cache", "syncdoctor"));
        assertThat(KnowledgeCache.defaultDirectory("", "/home/me")).isEqualTo(Path.of("/home/me", ".cache", "syncdoctor"));
        assertThat(KnowledgeCache.defaultDirectory(null, null)).isNull();
    }

    @Test
    void diagnoseUsesTheCacheDirAndNoCacheLeavesItAlone() throws Exception {
        String example = "facts/examples/initial-sync/bad-request-docs-example.txt";
        Path dir = cacheDir.resolve("cli");
        Run noCache = diagnose("diagnose", "--no-cache", "--cache-dir", dir.toString(), "--format", "json", "--rules", rules.toString(), example);
        assertThat(noCache.exitCode).isZero();
        assertThat(dir).doesNotExist();

        Run miss = diagnose("diagnose", "--cache-dir", dir.toString(), "--format", "json", "--rules", rules.toString(), example);
        assertThat(miss.exitCode).isZero();
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().endsWith(KnowledgeCache.SUFFIX));
        Run hit = diagnose("diagnose", "--cache-dir", dir.toString(), "--format", "json", "--rules", rules.toString(), example);
        assertThat(hit.exitCode).isZero();
        assertThat(hit.out).isEqualTo(miss.out).isEqualTo(noCache.out).contains("dixf-service-stopped");
    }

    private record Run(int exitCode, String out) {
    }

    /** The CLI in this process, its standard output kept. */
    private static synchronized Run diagnose(String... args) {
        PrintStream saved = System.out;
        OutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            KnowledgeCache.awaitPendingStores(); // as the program does before it exits
            System.out.flush();
            return new Run(code, buffer.toString());
        } finally {
            System.setOut(saved);
        }
    }

}
