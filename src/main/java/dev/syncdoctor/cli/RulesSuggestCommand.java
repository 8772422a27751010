package dev.syncdoctor.cli;

import dev.syncdoctor.io.AtomicFile;
import dev.syncdoctor.knowledge.KnowledgeCheck;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.suggest.DraftRules;
import dev.syncdoctor.suggest.UnknownClusters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code syncdoctor rules suggest RESULTS.jsonl|SUMMARY.json}: the unrecognised errors of a batch, grouped,
 * turned into draft rows, a catalog entry and example cases in a folder for review, never into the rules.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Draft rules for the errors a batch did not recognise: per group of like errors a recognition row",
                "(the fragments every member shares), an issue row, step rows and a catalog entry with TODOs to fill in,",
                "and the members as example cases. Written to a folder for review, never into the rules folder."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:drafts written (or nothing to draft)", "2:usage error, or the file is neither batch results nor a summary",
                "5:a draft could not be written"})
public final class RulesSuggestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS.jsonl|SUMMARY.json",
            description = "What batch wrote: its results (--format json) or its summary (--summary).")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "suggested-rules",
            description = "Folder for the drafts; must be new or empty (see --force). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--force", description = "Write into an existing folder that is not empty (drafts of the same name are replaced).")
    boolean force;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Draft the N most frequent groups of unrecognised errors. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "The rules the drafts are for (issue ids already there are not reused)."
                    + " Default: $SYNCDOCTOR_RULES if set, else ./rules if present, else the rules/ of the installation the launcher belongs to, else the bundled copy.")
    Path rulesDir;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (top < 1) {
                throw new CommandFailure(ExitCode.INPUT, "--top must be at least 1");
            }
            if (!Files.isRegularFile(input)) {
                throw new CommandFailure(ExitCode.INPUT, input + (Files.exists(input) ? ": not a file" : ": no such file"));
            }
            Path rules = KnowledgeOptions.rulesFolder(rulesDir);
            checkOutFolder(rules);
            List<UnknownClusters.Cluster> clusters;
            try {
                clusters = UnknownClusters.read(input);
            } catch (UnknownClusters.NotBatchOutput e) {
                throw new CommandFailure(ExitCode.INPUT, e.getMessage());
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.INPUT, input + ": cannot read (" + OutputTargets.reason(e) + ")");
            }
            if (clusters.isEmpty()) {
                stdout.println("rules suggest: " + input + " holds no unrecognised error; nothing to draft");
                return ExitCode.OK;
            }
            Set<String> taken;
            try {
                taken = KnowledgeCheck.run(KnowledgeLoader.read(rules)).issues();
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.INPUT, (rules == null ? "rules" : rules.toString()) + ": " + e.getMessage());
            }
            DraftRules.Result result = DraftRules.of(clusters.subList(0, Math.min(top, clusters.size())), taken);
            for (UnknownClusters.Cluster c : result.skipped()) {
                err.println("syncdoctor: not drafted, its errors share no text to recognise them by: " + c.signature());
            }
            write(result.files());
            stdout.println("rules suggest: " + result.drafts().size() + (result.drafts().size() == 1 ? " draft issue" : " draft issues")
                    + " from " + clusters.size() + (clusters.size() == 1 ? " group" : " groups") + " of unrecognised errors"
                    + (clusters.size() > top ? " (the " + top + " most frequent)" : "") + " in " + out);
            for (DraftRules.Draft d : result.drafts()) {
                stdout.println("  " + d.issue() + "  (" + d.cluster().count() + "x)  " + String.join(" / ", d.fragments()));
            }
            if (!result.drafts().isEmpty()) {
                stdout.println("Next: fill in the TODOs, then move them into the rules as " + out.resolve(DraftRules.README) + " says.");
            }
            return ExitCode.OK;
        } catch (CommandFailure f) {
            err.println("syncdoctor: " + f.getMessage());
            return f.exitCode();
        }
    }

    /** New or empty (or --force), and never the rules folder or inside it: drafts are for review first. */
    private void checkOutFolder(Path rules) throws CommandFailure {
        Path target = canonical(out);
        for (Path r : new Path[] {rules, Path.of("rules")}) {
            if (r != null && Files.isDirectory(r) && target.startsWith(canonical(r))) {
                throw new CommandFailure(ExitCode.INPUT, "--out " + out + ": is inside the rules folder " + r
                        + "; drafts go to a folder of their own for review");
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandFailure(ExitCode.INPUT, "--out " + out + ": exists and is not a folder");
        }
        if (Files.isDirectory(out) && !force) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new CommandFailure(ExitCode.INPUT, "--out " + out + ": folder is not empty; choose another, or --force to write into it");
                }
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.INPUT, "--out " + out + ": " + OutputTargets.reason(e));
            }
        }
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private void write(Map<String, String> files) throws CommandFailure {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = out.resolve(f.getKey());
            try {
                Files.createDirectories(target.getParent());
                var problem = AtomicFile.checkTarget(target);
                if (problem.isPresent()) {
                    throw new CommandFailure(ExitCode.INPUT, target + ": " + problem.get());
                }
                AtomicFile.write(target, f.getValue());
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.OUTPUT, target + ": " + OutputTargets.reason(e));
            }
        }
    }
}
