package dev.syncdoctor.cli;

import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.io.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.syncdoctor.batch.BatchEvaluator;
import dev.syncdoctor.batch.BatchFormat;
import dev.syncdoctor.batch.BatchInput;
import dev.syncdoctor.batch.BatchRecord;
import dev.syncdoctor.batch.BatchRunner;
import dev.syncdoctor.batch.BatchSummary;
import dev.syncdoctor.batch.CaseTable;
import dev.syncdoctor.batch.HtmlReport;
import dev.syncdoctor.batch.InputWalker;
import dev.syncdoctor.batch.Progress;
import dev.syncdoctor.batch.Resumption;
import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.plan.CaseStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code syncdoctor batch PATH...}: every case in files, folders and JSON Lines on stdin, evaluated in
 * parallel on one knowledge base, one record per case in input order, and a summary of what was found and
 * what no rule explains yet.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Evaluate many cases: files, folders (walked recursively: .txt, .log, .json, .yaml, .yml, .csv;"
                + " *.expected.json sidecars skipped) and - for JSON Lines cases on standard input.",
                "Writes one record per case, in input order, then a summary on stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was evaluated, whatever the statuses", "1:a record has a status named by --fail-on",
                "2:usage error (bad option, missing path, an output that is not a regular file)", "4:rules failed to compile",
                "5:an output could not be written (one line names it)", "6:ended before it finished"})
public final class BatchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders, or - for JSON Lines cases on standard input.")
    List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Records: json (JSON Lines, the diagnose --format json contract) or text (source, status, issues; tab-separated). Default: ${DEFAULT-VALUE}.")
    BatchFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the records to FILE instead of standard output.")
    Path out;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the summary as JSON to FILE.")
    Path summaryFile;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report to FILE.")
    Path htmlFile;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the number of processors.")
    Integer threads;

    @Option(names = "--fail-on", paramLabel = "STATUS", split = ",",
            description = "Exit 1 if any record has one of these statuses (diagnosed, unknown, healthy, invalid), e.g. unknown,invalid.")
    List<CaseStatus> failOn = new ArrayList<>();

    @Option(names = "--max-input-bytes", paramLabel = "BYTES", defaultValue = "10485760",
            description = "Inputs larger than this are invalid. Default: ${DEFAULT-VALUE} (10 MB).")
    long maxInputBytes;

    @Option(names = "--resume",
            description = "Continue a run that was interrupted: keep the records its --out FILE already holds and evaluate"
                    + " only the inputs after them (needs --format json and --out, with the same inputs).")
    boolean resume;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", hidden = true,
            description = "Unknown signatures shown in the stderr summary.")
    int top;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<AtomicFile> outputs = List.of();
        Resumption resumption = null;
        try {
            check();
            // Every output is checked and opened before any input is read or any rule compiled.
            Map<String, Path> targets = new LinkedHashMap<>();
            targets.put("--out", out);
            targets.put("--summary", summaryFile);
            targets.put("--html", htmlFile);
            OutputTargets.check(targets, paths);
            // Opened before the outputs: opening --out removes an interrupted run's records as stale.
            resumption = resume ? resumption(err) : null;
            outputs = OutputTargets.open(targets);
            AtomicFile outFile = outputs.get(0);
            if (outFile != null && format == BatchFormat.JSON) {
                // JSON Lines records can be continued by --resume after an interruption: keep them then.
                outFile.keepIfInterrupted();
            }
            var limits = knowledge.limits();
            KnowledgeBase kb = knowledge.load(err);
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            BatchEvaluator evaluator = new BatchEvaluator(SyncDoctor.over(kb, limits, maxInputBytes), format);
            // A stuck evaluation is abandoned well after the engine's own time limit should have stopped it.
            Duration stuckAfter = Duration.ofMillis(2 * knowledge.timeLimitMillis + 5_000);
            BatchRunner runner = new BatchRunner(n, Math.max(16, 64 * n), stuckAfter);
            BatchSummary summary = new BatchSummary();
            CaseTable table = htmlFile == null ? null : new CaseTable(CaseTable.DEFAULT_ROWS);
            Set<CaseStatus> failing = failOn.isEmpty() ? EnumSet.noneOf(CaseStatus.class) : EnumSet.copyOf(failOn);
            boolean[] failed = {false};
            Progress progress = System.console() != null ? new Progress(err) : Progress.NONE;
            if (progress != Progress.NONE && !paths.contains("-")) {
                countInBackground(progress);
            }
            long started = System.nanoTime();
            long records;
            PrintWriter stdout = spec.commandLine().getOut();
            Writer w = outFile == null ? stdout : outFile.writer();
            String outName = outFile == null ? "standard output" : "--out " + out;
            long[] inputs = {0};
            InputWalker walker = new InputWalker(paths, System.in, maxInputBytes);
            Consumer<List<BatchRecord>> sink = rs -> {
                for (BatchRecord r : rs) {
                    write(w, r);
                    summary.add(r.result());
                    if (table != null) {
                        table.add(r.result());
                    }
                    failed[0] |= failing.contains(r.result().status());
                }
                // A write to standard output that failed (a full disk) stops the run at once.
                if (outFile == null && stdout.checkError()) {
                    throw new UncheckedIOException(new IOException("cannot write (disk full, or the reader went away)"));
                }
                progress.update(++inputs[0], summary.records());
            };
            try {
                Iterator<BatchInput> rest = resumption == null ? walker : skipRecorded(walker, resumption, sink);
                records = resumption == null ? 0 : resumption.taken();
                records += runner.run(rest, evaluator::evaluate, evaluator::failed, sink);
                w.flush();
                if (outFile == null) {
                    StandardOutput.check(stdout);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new CommandFailure(ExitCode.OUTPUT, outName + ": " + reasonOf(e));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.finish();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("records", records);
            run.put("seconds", Math.round(seconds * 1000) / 1000.0);
            run.put("threads", n);
            run.put("rules", kb.rulesInUse());
            run.put("paths", paths);
            writeWhole(outputs.get(1), "--summary " + summaryFile, JSON.writeValueAsString(summary.toTree(run)) + "\n");
            writeWhole(outputs.get(2), "--html " + htmlFile, HtmlReport.render(summary, table, run));
            // Committed last, together: a run that failed on the way replaces none of the outputs.
            for (int i = 0; i < outputs.size(); i++) {
                AtomicFile f = outputs.get(i);
                if (f != null) {
                    try {
                        f.commit();
                    } catch (IOException e) {
                        throw new CommandFailure(ExitCode.OUTPUT, List.of("--out", "--summary", "--html").get(i) + " "
                                + f.target() + ": " + OutputTargets.reason(e));
                    }
                }
            }
            long kept = resumption == null ? 0 : resumption.taken();
            err.printf(Locale.ROOT, "syncdoctor batch: %d records in %.2f s (%.0f records/s, %d %s)%s%n", records, seconds,
                    (records - kept) / Math.max(seconds, 1e-9), n, n == 1 ? "thread" : "threads",
                    resumption == null ? "" : String.format(Locale.ROOT, "; %d kept from the interrupted run", kept));
            err.print(summary.text(top));
            err.flush();
            return failed[0] ? ExitCode.FAILED_ON_STATUS : ExitCode.OK;
        } catch (CommandFailure f) {
            err.println("syncdoctor: " + f.getMessage());
            return f.exitCode();
        } catch (IOException e) {
            err.println("syncdoctor: cannot render the summary: " + e.getMessage());
            return ExitCode.OUTPUT;
        } finally {
            OutputTargets.closeAll(outputs);
            if (resumption != null) {
                try {
                    resumption.close();
                } catch (IOException ignored) {
                    // read only; nothing to lose
                }
            }
        }
    }

    /**
     * The records of the run {@code --resume} continues, from the newest temporary --out file an
     * interrupted run left; null (and a notice) when there is none.
     */
    private Resumption resumption(PrintWriter err) throws CommandFailure {
        List<Path> left = AtomicFile.stalePartials(out);
        if (left.isEmpty()) {
            err.println("syncdoctor: --resume: no interrupted run's records for --out " + out + "; evaluating every input");
            return null;
        }
        try {
            return Resumption.open(left.get(0), "--resume " + out);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.INPUT, "--resume " + out + ": cannot read the interrupted run's records: "
                    + OutputTargets.reason(e));
        }
    }

    /**
     * Writes the records already recorded for the first inputs (through {@code sink}, so they count in the
     * summary as any other) and returns the inputs still to evaluate, starting with the first one not
     * (completely) recorded.
     */
    private static Iterator<BatchInput> skipRecorded(Iterator<BatchInput> inputs, Resumption resumption,
                                                     Consumer<List<BatchRecord>> sink) throws CommandFailure {
        try {
            while (inputs.hasNext()) {
                BatchInput input = inputs.next();
                Optional<List<BatchRecord>> recorded = resumption.take(input);
                if (recorded.isEmpty()) {
                    return prepend(input, inputs);
                }
                sink.accept(recorded.get());
            }
            resumption.checkNoneLeft();
            return inputs;
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.INPUT, e.getMessage());
        }
    }

    private static Iterator<BatchInput> prepend(BatchInput first, Iterator<BatchInput> rest) {
        return new Iterator<>() {
            private boolean firstTaken;

            @Override
            public boolean hasNext() {
                return !firstTaken || rest.hasNext();
            }

            @Override
            public BatchInput next() {
                if (!firstTaken) {
                    firstTaken = true;
                    return first;
                }
                return rest.next();
            }
        };
    }

    private static void writeWhole(AtomicFile file, String name, String content) throws CommandFailure {
        if (file == null) {
            return;
        }
        try {
            file.writer().write(content);
            file.writer().flush();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.OUTPUT, name + ": " + OutputTargets.reason(e));
        }
    }

    private static String reasonOf(Exception e) {
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        return OutputTargets.reason(io);
    }

    /** Usage errors before any work: a missing path, a bad count. */
    private void check() throws CommandFailure {
        if (threads != null && threads < 1) {
            throw new CommandFailure(ExitCode.INPUT, "--threads must be at least 1");
        }
        if (maxInputBytes <= 0) {
            throw new CommandFailure(ExitCode.INPUT, "--max-input-bytes must be at least 1");
        }
        for (String p : paths) {
            if (!"-".equals(p) && !Files.exists(PathArgument.of(p))) {
                throw new CommandFailure(ExitCode.INPUT, p + ": no such file or folder");
            }
        }
        if (paths.contains("-")) {
            StandardInput.checkOpen();
        }
        if (out != null && "-".equals(out.toString())) {
            out = null; // --out - is standard output
        }
        if (resume && (out == null || format != BatchFormat.JSON || paths.contains("-"))) {
            throw new CommandFailure(ExitCode.INPUT, "--resume continues the JSON Lines file of an interrupted run:"
                    + " it needs --format json and --out FILE, and files or folders as inputs (not -)");
        }
    }

    private static void write(Writer w, BatchRecord r) {
        try {
            w.write(r.line());
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the inputs for the progress bar's total, off the critical path. */
    private void countInBackground(Progress progress) {
        Thread t = new Thread(() -> {
            InputWalker w = new InputWalker(paths, System.in, maxInputBytes);
            long n = 0;
            while (w.hasNext()) {
                w.next();
                n++;
            }
            progress.total(n);
        }, "count-inputs");
        t.setDaemon(true);
        t.start();
    }
}
