package dev.syncdoctor.cli;

import dev.syncdoctor.engine.EvaluationLimits;
import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.knowledge.KnowledgeCache;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.knowledge.RuleProblem;
import dev.syncdoctor.knowledge.RulesCompileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every command that evaluates rules shares: where the rules are, and the session limits. */
final class KnowledgeOptions {
    /** The environment variable naming the default rules folder. */
    static final String RULES_ENV = "SYNCDOCTOR_RULES";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder (DRL, *.drl.csv, *.drl.xlsx). Default: $" + RULES_ENV
                    + " if set, else ./rules if present, else the rules/ of the installation the launcher belongs to, else the bundled copy.")
    Path rulesDir;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep the compiled rules here, so later runs with unchanged rules start faster."
                    + " Default: $XDG_CACHE_HOME/syncdoctor, else ~/.cache/syncdoctor.")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Compile the rules on every run; neither read nor write the cache.")
    boolean noCache;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "10000",
            description = "Stop a case's rules after N firings (a looping rule). Default: ${DEFAULT-VALUE}.")
    int maxFirings;

    @Option(names = "--time-limit", paramLabel = "MS", defaultValue = "5000",
            description = "Stop a case's rules after MS milliseconds. Default: ${DEFAULT-VALUE}.")
    long timeLimitMillis;

    @Option(names = {"-v", "--verbose"}, description = "Log what syncdoctor does (and stack traces) on stderr.")
    void verbose(boolean on) {
        Logging.setVerbose(on);
    }

    /** The session limits from the flags; a bad value is a usage error, not an internal one. */
    EvaluationLimits limits() throws CommandFailure {
        try {
            return new EvaluationLimits(maxFirings, Duration.ofMillis(timeLimitMillis));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.INPUT, "--max-firings and --time-limit: " + e.getMessage());
        }
    }

    /** The cache to load through, or null with {@code --no-cache} (or when there is no home to put it in). */
    KnowledgeCache cache() {
        if (noCache) {
            return null;
        }
        Path dir = cacheDir != null ? cacheDir : KnowledgeCache.defaultDirectory();
        return dir == null ? null : new KnowledgeCache(dir).storingInBackground();
    }

    /** Compiles the knowledge base, or prints every problem as file:line:col message and throws. */
    KnowledgeBase load(PrintWriter err) throws CommandFailure {
        try {
            KnowledgeBase kb = KnowledgeLoader.load(rulesFolder(), cache());
            for (RuleProblem w : kb.warnings()) {
                err.println(w.format());
            }
            return kb;
        } catch (RulesCompileException e) {
            for (RuleProblem p : e.problems()) {
                err.println(p.format(Logging.isVerbose()));
            }
            throw new CommandFailure(ExitCode.RULES, "rules did not compile: " + e.problems().size()
                    + (e.problems().size() == 1 ? " error" : " errors"));
        } catch (IOException e) {
            boolean fromEnvironment = rulesDir == null && rulesFolder() != null;
            throw new CommandFailure(ExitCode.RULES, (fromEnvironment ? "$" + RULES_ENV + ": " : "") + e.getMessage());
        }
    }

    /** --rules, else $SYNCDOCTOR_RULES; null leaves the choice to the loader (./rules, the installation's rules/, else the bundled copy). */
    Path rulesFolder() {
        return rulesFolder(rulesDir);
    }

    /** {@code given} (a --rules flag), else $SYNCDOCTOR_RULES, else null. */
    static Path rulesFolder(Path given) {
        if (given != null) {
            return given;
        }
        String env = System.getenv(RULES_ENV);
        return env == null || env.isBlank() ? null : Path.of(env);
    }
}
