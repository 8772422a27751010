package dev.syncdoctor.cli;

import dev.syncdoctor.io.AtomicFile;

import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.plan.Diagnostician;
import dev.syncdoctor.verify.Baseline;
import dev.syncdoctor.verify.CheckResult;
import dev.syncdoctor.verify.ExampleCase;
import dev.syncdoctor.verify.ExampleCheck;
import dev.syncdoctor.verify.ExampleCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncdoctor rules test}: every example case against its expected result, with coverage. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every example case under the facts folder and compare it with its expected result.",
                "Reports rules no example makes fire, and cases diagnosed with more than one issue."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed", "1:some case failed", "2:usage error", "4:rules did not compile"})
public final class RulesTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeOptions knowledge;

    @Option(names = "--facts", paramLabel = "DIR", defaultValue = "facts", description = "Example cases. Default: ${DEFAULT-VALUE}.")
    Path factsDir;

    @Option(names = "--save", paramLabel = "FILE", description = "Save this run's results as a baseline.")
    Path save;

    @Option(names = "--baseline", paramLabel = "FILE", description = "List every case whose diagnosis or plan changed since a saved run.")
    Path baseline;

    @Option(names = "--quiet", description = "Print only failures, changes and the summary.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtomicFile saved = null;
        try {
            if (!Files.isDirectory(factsDir)) {
                throw new CommandFailure(ExitCode.INPUT, factsDir + ": facts folder not found");
            }
            // The baseline's file is checked and opened before any example runs: a bad path fails at once.
            saved = save == null ? null : openSave();
            Map<String, Baseline.Outcome> before = null;
            if (baseline != null) {
                try {
                    before = Baseline.load(baseline);
                } catch (IOException e) {
                    throw new CommandFailure(ExitCode.INPUT, "baseline " + e.getMessage());
                }
            }
            List<ExampleCase> examples;
            try {
                examples = ExampleCorpus.find(factsDir);
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.INPUT, e.getMessage());
            }
            KnowledgeBase kb = knowledge.load(err);
            ExampleCheck check = new ExampleCheck(new Diagnostician(kb, knowledge.limits()));

            int passed = 0;
            int failed = 0;
            Set<String> fired = new LinkedHashSet<>();
            List<String> overlaps = new ArrayList<>();
            Map<String, Baseline.Outcome> outcomes = new LinkedHashMap<>();
            for (ExampleCase example : examples) {
                CheckResult r = check.check(example);
                if (r.actual() != null && r.actual().evaluation() != null) {
                    fired.addAll(r.actual().evaluation().firedRules());
                }
                if (r.actual() != null && r.actual().diagnoses().size() > 1) {
                    List<String> ids = new ArrayList<>();
                    r.actual().diagnoses().forEach(d -> ids.add(d.issue()));
                    overlaps.add(example.name() + ": " + String.join(", ", ids));
                }
                outcomes.put(example.name(), Baseline.outcomeOf(r.actual()));
                if (r.passed()) {
                    passed++;
                    if (!quiet) {
                        out.println("PASS " + example.name());
                    }
                } else {
                    failed++;
                    out.println("FAIL " + example.name());
                    for (String d : r.differences()) {
                        out.println("     " + d);
                    }
                }
            }

            List<String> neverFired = new ArrayList<>();
            for (String rule : kb.ruleNames()) {
                if (!fired.contains(rule)) {
                    neverFired.add(rule);
                }
            }
            out.println();
            out.println("rules: " + kb.rulesInUse());
            out.println("coverage: " + (kb.ruleNames().size() - neverFired.size()) + " of " + kb.ruleNames().size()
                    + " rules fired in at least one example");
            for (String rule : neverFired) {
                out.println("  never fired: " + rule);
            }
            out.println("overlaps: " + overlaps.size() + (overlaps.size() == 1 ? " case" : " cases")
                    + " diagnosed with more than one issue");
            for (String o : overlaps) {
                out.println("  " + o);
            }
            if (before != null) {
                List<Baseline.Change> changes = Baseline.compare(before, outcomes);
                out.println("changes since " + baseline + ": " + changes.size());
                for (Baseline.Change c : changes) {
                    out.println("  CHANGED " + c.example());
                    for (String d : c.differences()) {
                        out.println("     " + d);
                    }
                }
            }
            if (saved != null) {
                try {
                    saved.writer().write(Baseline.text(outcomes));
                    saved.commit();
                    out.println("saved baseline: " + save);
                } catch (IOException e) {
                    throw new CommandFailure(ExitCode.OUTPUT, "--save " + save + ": cannot write: " + OutputTargets.reason(e));
                }
            }
            // The verdict is the last line, and exit 0 needs it written: a run cut short says nothing green.
            out.println(passed + " passed, " + failed + " failed");
            StandardOutput.check(out);
            return failed == 0 ? ExitCode.OK : ExitCode.EXAMPLES_FAILED;
        } catch (CommandFailure f) {
            err.println("syncdoctor: " + f.getMessage());
            return f.exitCode();
        } finally {
            if (saved != null) {
                OutputTargets.closeAll(Collections.singletonList(saved));
            }
        }
    }

    /** The baseline's file, opened (its folders created, as a save makes them); a usage error when it cannot be. */
    private AtomicFile openSave() throws CommandFailure {
        Path parent = save.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.OUTPUT, "--save " + save + ": cannot create its folder: " + OutputTargets.reason(e));
            }
        }
        OutputTargets.check(Map.of("--save", save), List.of(factsDir.toString()));
        return OutputTargets.open(Map.of("--save", save)).get(0);
    }
}
