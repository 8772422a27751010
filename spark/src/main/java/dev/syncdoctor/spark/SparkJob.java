package dev.syncdoctor.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.syncdoctor.batch.BatchSummary;
import dev.syncdoctor.engine.EvaluationLimits;
import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.knowledge.KnowledgeCache;
import dev.syncdoctor.knowledge.RuleProblem;
import dev.syncdoctor.knowledge.RulesCompileException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark front end: the same rules and the same answers as {@code syncdoctor batch}, over corpora one
 * machine does not hold. Writes {@code OUTPUT/records} (one record per case, the CLI's JSON contract, as
 * JSON Lines or Parquet columns) and {@code OUTPUT/summary.json} (the {@code batch --summary} layout,
 * counted over the whole corpus).
 *
 * <p>Exit codes: 0 done; 2 usage error, missing input or existing output; 4 the rules did not compile (every
 * error as {@code file:line:col message}, before any task runs); 1 the Spark job failed.
 */
@Command(name = "syncdoctor-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Diagnoses every case of a corpus on Spark, with the rules of syncdoctor.")
public final class SparkJob implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int RULES = 4;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "A file or folder of cases, on any file system Spark reads (repeatable).")
    List<String> inputs;

    @Option(names = "--format", required = true, paramLabel = "text|csv|jsonl|parquet",
            description = "text: one case per file (raw text, JSON/YAML case files); csv: exports, rows grouped by "
                    + "case_id over the whole input; jsonl: one JSON case per line; parquet: one case per row.")
    String format;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Where to write records/ and summary.json; must not exist (see --overwrite).")
    String output;

    @Option(names = "--output-format", defaultValue = "jsonl", paramLabel = "jsonl|parquet",
            description = "Records as JSON Lines (default) or Parquet columns.")
    String outputFormat;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder on the driver, shipped to the executors; default ./rules if present, else the bundled copy.")
    java.nio.file.Path rules;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Evaluate in N partitions (default: three per core of the cluster, or the input's splits).")
    int partitions;

    @Option(names = "--overwrite", description = "Replace OUTPUT if it exists.")
    boolean overwrite;

    @Option(names = "--max-firings", defaultValue = "10000", paramLabel = "N", description = "Rule firings per case.")
    int maxFirings;

    @Option(names = "--time-limit", defaultValue = "5000", paramLabel = "MS", description = "Time per case, in ms.")
    long timeLimitMillis;

    @Option(names = "--max-input-bytes", paramLabel = "N", description = "Refuse larger inputs (default 10 MB).")
    long maxInputBytes = CaseReader.DEFAULT_MAX_BYTES;

    @Option(names = {"-v", "--verbose"}, description = "Keep Spark's own logging.")
    boolean verbose;

    private SparkSession spark;
    private PrintWriter err;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, null, err);
        KnowledgeCache.awaitPendingStores();
        System.exit(code);
    }

    /**
     * Runs the job with {@code args}; on {@code spark} when given (tests), else on a session of its own
     * (the master comes from spark-submit or {@code -Dspark.master}).
     */
    static int run(String[] args, SparkSession spark, PrintWriter err) {
        SparkJob job = new SparkJob();
        job.spark = spark;
        job.err = err;
        CommandLine cl = new CommandLine(job).setErr(err).setOut(err)
                .setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, c, p) -> {
            err.println("syncdoctor-spark: the Spark job failed: " + e);
            if (job.verbose) {
                e.printStackTrace(err);
            }
            return FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        InputFormat in;
        try {
            in = InputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return usage("--format must be text, csv, jsonl or parquet, not '" + format + "'");
        }
        if (!outputFormat.equals("jsonl") && !outputFormat.equals("parquet")) {
            return usage("--output-format must be jsonl or parquet, not '" + outputFormat + "'");
        }
        if (maxFirings <= 0 || timeLimitMillis <= 0 || maxInputBytes <= 0 || partitions < 0) {
            return usage("--max-firings, --time-limit and --max-input-bytes must be positive, --partitions not negative");
        }
        // The rules first, on the driver: a folder that does not compile costs no cluster time.
        JobRules shipped;
        try {
            shipped = JobRules.load(rules, new EvaluationLimits(maxFirings, Duration.ofMillis(timeLimitMillis)), maxInputBytes);
        } catch (RulesCompileException e) {
            for (RuleProblem p : e.problems()) {
                err.println(p.format());
            }
            err.println("syncdoctor-spark: rules did not compile: " + e.problems().size()
                    + (e.problems().size() == 1 ? " error" : " errors"));
            return RULES;
        } catch (IOException e) {
            return usage(e.getMessage());
        }

        boolean ownSession = spark == null;
        if (ownSession) {
            spark = SparkSession.builder().appName("syncdoctor").getOrCreate();
            if (!verbose) {
                spark.sparkContext().setLogLevel("WARN");
            }
        }
        try {
            return evaluate(in, shipped);
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private int evaluate(InputFormat in, JobRules shipped) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        InputPaths paths;
        try {
            paths = InputPaths.of(inputs, jsc.hadoopConfiguration());
        } catch (InputPaths.InputPathException e) {
            return usage(e.getMessage());
        }
        Path out = new Path(output);
        FileSystem fs = out.getFileSystem(jsc.hadoopConfiguration());
        if (fs.exists(out)) {
            if (!overwrite) {
                return usage(output + ": already exists (remove it, or add --overwrite)");
            }
            fs.delete(out, true);
        }
        long started = System.nanoTime();
        Broadcast<JobRules> rulesOnExecutors = jsc.broadcast(shipped);
        JavaRDD<String> lines = new CorpusReader(spark, paths, rulesOnExecutors, partitions).records(in);
        Dataset<String> records = spark.createDataset(lines.rdd(), Encoders.STRING());
        String recordsDir = new Path(out, "records").toString();
        if (outputFormat.equals("parquet")) {
            spark.read().schema(RecordSchema.RECORD).json(records).write().parquet(recordsDir);
        } else {
            records.write().text(recordsDir);
        }

        // Counted over what was written: the summary adds up to the records, whatever was retried.
        Dataset<Row> written = outputFormat.equals("parquet") ? spark.read().parquet(recordsDir)
                : spark.read().schema(RecordSchema.RECORD).json(recordsDir);
        BatchSummary summary = CorpusSummary.of(written);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("records", summary.records());
        run.put("seconds", Math.round(seconds * 1000) / 1000.0);
        run.put("partitions", lines.getNumPartitions());
        run.put("master", spark.sparkContext().master());
        run.put("rules", shipped.rulesInUse().toTree());
        run.put("paths", inputs);
        run.put("format", format);
        try (OutputStream o = fs.create(new Path(out, "summary.json"), false)) {
            o.write((JSON.writeValueAsString(summary.toTree(run)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        err.printf(Locale.ROOT, "syncdoctor-spark: %d records in %.2f s, written to %s%n", summary.records(), seconds, out);
        err.print(summary.text(10));
        err.flush();
        return OK;
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private int usage(String message) {
        err.println("syncdoctor-spark: " + message);
        return USAGE;
    }
}
