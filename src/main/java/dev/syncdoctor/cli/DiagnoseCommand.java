package dev.syncdoctor.cli;

import dev.syncdoctor.engine.EvaluationLimits;
import dev.syncdoctor.api.CaseInput;
import dev.syncdoctor.api.CaseInputs;
import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.CaseStatus;
import dev.syncdoctor.report.CaseRenderer;
import dev.syncdoctor.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syncdoctor diagnose FILE|-}: one case in, the known issue and an ordered action plan out. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnose one failing table map from its error text or case file and print an ordered action plan.",
                "FILE is raw text (.txt, .log), a JSON or YAML case file, a CSV export, JSON Lines (.jsonl), or - for standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:diagnosed or healthy", "2:usage error or unreadable input", "3:errors present, none recognised",
                "4:rules failed to compile or to evaluate",
                "5:an output could not be written", "6:ended before it finished",
                "7:some cases of the input (CSV rows, JSON lines) could not be read, each named on stderr; the others were diagnosed",
                "70:internal error (a bug)"})
public final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "Error text or case file; - reads standard input.")
    String input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text, json or markdown. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Option(names = "--explain", description = "Show, for every diagnosis and step, the rule that produced it and the facts it matched.")
    boolean explain;

    @Option(names = "--max-input-bytes", paramLabel = "BYTES", defaultValue = "10485760",
            description = "Refuse inputs larger than this. Default: ${DEFAULT-VALUE} (10 MB).")
    long maxInputBytes;

    @Mixin
    CaseContextOptions context;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            EvaluationLimits limits = limits();
            // Start-up: compile or load the rules while the input is read (two cores, two jobs).
            // The loader's messages are held back so they never interleave with an input error.
            java.io.StringWriter loadMessages = new java.io.StringWriter();
            java.util.concurrent.CompletableFuture<Loaded> loading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new Loaded(knowledge.load(new PrintWriter(loadMessages, true)), null);
                } catch (CommandFailure f) {
                    return new Loaded(null, f);
                }
            });
            Read read = read();
            List<CaseFacts> cases = read.cases();
            Loaded loaded = loading.join();
            err.print(loadMessages);
            for (InputException bad : read.unreadable()) {
                err.println("syncdoctor: " + bad.getMessage());
            }
            if (loaded.failure() != null) {
                throw loaded.failure();
            }
            SyncDoctor doctor = SyncDoctor.over(loaded.knowledge(), limits, maxInputBytes);
            // Several cases (a CSV export): JSON Lines, one compact object per case, as batch writes them.
            // Every answer names the rules that produced it (a footer, or the JSON field "rules").
            var rules = loaded.knowledge().rulesInUse();
            CaseRenderer renderer = format == ReportFormat.JSON && cases.size() > 1
                    ? new dev.syncdoctor.report.JsonRenderer(explain, false, rules) : format.renderer(explain, rules);
            int exit = ExitCode.OK;
            for (int i = 0; i < cases.size(); i++) {
                CaseResult result = doctor.diagnose(cases.get(i), explain);
                if (i > 0 && format != ReportFormat.JSON) {
                    out.println();
                }
                out.print(renderer.render(result));
                if (format == ReportFormat.JSON) {
                    out.println();
                }
                exit = Math.max(exit, exitCodeOf(result, err));
            }
            StandardOutput.check(out);
            // A rules failure says most; then parts of the input left undiagnosed; then unknown errors.
            return exit == ExitCode.RULES || read.unreadable().isEmpty() ? exit : ExitCode.PARTLY_UNREADABLE;
        } catch (CommandFailure f) {
            err.println("syncdoctor: " + f.getMessage());
            return f.exitCode();
        }
    }

    /** The rules, or why they could not be loaded. */
    private record Loaded(KnowledgeBase knowledge, CommandFailure failure) {
    }

    /** The session limits from the flags; a bad value is a usage error, not an internal one. */
    private EvaluationLimits limits() throws CommandFailure {
        if (maxInputBytes <= 0) {
            throw new CommandFailure(ExitCode.INPUT, "--max-input-bytes must be at least 1");
        }
        return knowledge.limits();
    }

    /** The cases read, and the parts of the input that could not be (bad CSV rows, bad JSON lines). */
    private record Read(List<CaseFacts> cases, List<InputException> unreadable) {
    }

    /**
     * Every readable case of the input with the flags applied over it. A part that cannot be read is
     * reported and skipped; when nothing at all could be read, the first problem is the input's error.
     */
    private Read read() throws CommandFailure {
        if ("-".equals(input)) {
            StandardInput.checkOpen();
        } else {
            notRegular(PathArgument.of(input));
        }
        CaseInputs inputs = new CaseInputs(maxInputBytes);
        List<CaseFacts> cases = new java.util.ArrayList<>();
        List<InputException> unreadable = new java.util.ArrayList<>();
        try {
            List<CaseInput> read = "-".equals(input) ? inputs.read("-", System.in) : inputs.read(PathArgument.of(input));
            for (CaseInput c : read) {
                if (c.ok()) {
                    cases.add(c.facts());
                } else {
                    unreadable.add(c.problem());
                }
            }
        } catch (InputException e) {
            throw new CommandFailure(ExitCode.INPUT, e.getMessage());
        }
        if (cases.isEmpty()) {
            if (unreadable.size() == 1) {
                throw new CommandFailure(ExitCode.INPUT, unreadable.get(0).getMessage());
            }
            if (!unreadable.isEmpty()) {
                for (InputException bad : unreadable.subList(0, unreadable.size() - 1)) {
                    spec.commandLine().getErr().println("syncdoctor: " + bad.getMessage());
                }
                throw new CommandFailure(ExitCode.INPUT, unreadable.get(unreadable.size() - 1).getMessage());
            }
            throw new CommandFailure(ExitCode.INPUT, input + ": no case in this input");
        }
        var flags = context.toContext();
        for (CaseFacts c : cases) {
            flags.applyTo(c.getSyncCase());
            if (c.getErrors().isEmpty() && !c.getSyncCase().hasContext()) {
                throw new CommandFailure(ExitCode.INPUT, c.getSource()
                        + ": no error text and no case context (give the error text, or --status and what you know)");
            }
        }
        return new Read(cases, List.copyOf(unreadable));
    }

    /**
     * A FIFO, device or socket named as the input would block or never end: refused. A pipe the shell
     * already opened ({@code <(command)}, seen as /dev/fd/N) is read.
     */
    private static void notRegular(Path file) throws CommandFailure {
        String name = file.toAbsolutePath().toString();
        boolean openPipe = name.startsWith("/dev/fd/") || name.startsWith("/proc/self/fd/");
        if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)
                && !java.nio.file.Files.isDirectory(file) && !openPipe) {
            throw new CommandFailure(ExitCode.INPUT, file + ": not a regular file (a FIFO, device or socket is not read)");
        }
    }

    private static int exitCodeOf(CaseResult r, PrintWriter err) {
        if (r.status() == CaseStatus.INVALID) {
            err.println("syncdoctor: " + r.source() + ": " + r.error());
            return ExitCode.RULES;
        }
        return r.status() == CaseStatus.UNKNOWN ? ExitCode.UNKNOWN : ExitCode.OK;
    }
}
