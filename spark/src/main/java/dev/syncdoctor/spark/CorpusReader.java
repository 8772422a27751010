package dev.syncdoctor.spark;

import dev.syncdoctor.api.CaseInput;
import dev.syncdoctor.batch.BatchEvaluator;
import dev.syncdoctor.batch.BatchRecord;
import dev.syncdoctor.ingest.CsvCaseReader;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.ingest.SourceNames;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Turns the job's input into its records, one JSON line (the CLI's contract) per case, each read and
 * evaluated by the core exactly as {@code batch} reads and evaluates it:
 * <ul>
 * <li>{@code text}: every file is an input as in a batch folder (raw text, JSON/YAML case files; a CSV
 *     export found among them is read case by case within its file, as {@code batch} does);</li>
 * <li>{@code csv}: CSV exports whose rows are grouped by {@code case_id} over the whole input, wherever
 *     they fall, before the case is built;</li>
 * <li>{@code jsonl}: one JSON case per non-blank line, named {@code file:line};</li>
 * <li>{@code parquet}: one case per row, its columns the case file's fields, named {@code file#case}.</li>
 * </ul>
 * Every failure becomes an {@code invalid} record in its place; nothing depends on timing or on which task
 * runs where, so a retried task gives the same records.
 */
final class CorpusReader {
    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final InputPaths inputs;
    private final Broadcast<JobRules> rules;
    private final int partitions;

    CorpusReader(SparkSession spark, InputPaths inputs, Broadcast<JobRules> rules, int partitions) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.inputs = inputs;
        this.rules = rules;
        this.partitions = partitions;
    }

    JavaRDD<String> records(InputFormat format) {
        return switch (format) {
            case TEXT -> caseFiles();
            case CSV -> exports();
            case JSONL -> jsonLines();
            case PARQUET -> parquetRows();
        };
    }

    private static final List<String> LISTING_KEYS = List.of("mapreduce.input.fileinputformat.input.dir.recursive",
            "mapreduce.input.pathFilter.class", CaseFileFilter.MODE, CaseFileFilter.NAMED);

    /** Hadoop settings of the listing: folders searched recursively, inputs chosen as batch chooses them. */
    private Configuration listing(String mode) {
        Configuration conf = new Configuration(jsc.hadoopConfiguration());
        conf.setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
        conf.setClass("mapreduce.input.pathFilter.class", CaseFileFilter.class, org.apache.hadoop.fs.PathFilter.class);
        conf.set(CaseFileFilter.MODE, mode);
        conf.set(CaseFileFilter.NAMED, String.join("\n", inputs.qualified()));
        return conf;
    }

    private int minPartitions() {
        return partitions > 0 ? partitions : Math.max(2, jsc.defaultParallelism() * 3);
    }

    private JavaRDD<String> caseFiles() {
        InputPaths names = inputs;
        Broadcast<JobRules> r = rules;
        return binaryFiles("text").flatMap(f -> {
            String source = names.display(f._1());
            List<BatchRecord> records = r.value().evaluator().evaluateFile(source, f._2());
            return lines(records);
        });
    }

    /** Whole files (bounded by the input size limit, as in batch), listed as batch lists folders. */
    private JavaRDD<Tuple2<String, byte[]>> binaryFiles(String mode) {
        // binaryFiles takes its listing settings from the context's configuration, copied when it is
        // called: set them for this call only.
        Configuration shared = jsc.hadoopConfiguration();
        Configuration listing = listing(mode);
        List<String> local;
        try {
            local = inputs.localFiles(mode, listing);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (local != null) {
            // Listed here; each task reads its files itself (see InputPaths.localFiles).
            int slices = partitions > 0 ? partitions : Math.max(minPartitions(), local.size() / FILES_PER_SLICE + 1);
            return jsc.parallelize(local, slices).map(p -> new Tuple2<>(p, java.nio.file.Files.readAllBytes(
                    java.nio.file.Path.of(new Path(p).toUri()))));
        }
        for (String key : LISTING_KEYS) {
            shared.set(key, listing.get(key));
        }
        try {
            return jsc.binaryFiles(inputs.joined(), minPartitions()).map(t -> new Tuple2<>(t._1(), t._2().toArray()));
        } finally {
            for (String key : LISTING_KEYS) {
                shared.unset(key);
            }
        }
    }

    /** Files per task of a local folder's listing: enough to make a task's own cost vanish, few enough to spread. */
    private static final int FILES_PER_SLICE = 1000;

    /** One row of an export on its way to its case, or a record already made (a problem row, an unreadable file). */
    record ExportItem(CsvCaseReader.Row row, String line) implements Serializable {
    }

    private JavaRDD<String> exports() {
        InputPaths names = inputs;
        Broadcast<JobRules> r = rules;
        return binaryFiles("csv").flatMapToPair(f -> {
                    String source = names.display(f._1());
                    BatchEvaluator evaluator = r.value().evaluator();
                    List<Tuple2<String, ExportItem>> out = new ArrayList<>();
                    List<CsvCaseReader.Row> rows;
                    try {
                        rows = evaluator.doctor().inputs().exportRows(source, f._2());
                    } catch (InputException e) {
                        out.add(made(source, evaluator.unreadable(source, e)));
                        return out.iterator();
                    }
                    if (rows.isEmpty()) {
                        out.add(made(source, evaluator.emptyExport(source)));
                    }
                    for (CsvCaseReader.Row row : rows) {
                        if (row.ok()) {
                            out.add(new Tuple2<>(row.caseId(), new ExportItem(row, null)));
                        } else {
                            String where = SourceNames.lineOf(row.file(), row.line());
                            out.add(made(where, evaluator.evaluate(CaseInput.failed(where, row.caseId(), row.problem()))));
                        }
                    }
                    return out.iterator();
                })
                // Case ids are trimmed, so they never start with the NUL that keys records already made.
                .groupByKey(minPartitions())
                .flatMap(group -> {
                    List<CsvCaseReader.Row> rows = new ArrayList<>();
                    List<String> out = new ArrayList<>(1);
                    for (ExportItem item : group._2()) {
                        if (item.line() != null) {
                            out.add(item.line());
                        } else {
                            rows.add(item.row());
                        }
                    }
                    if (!rows.isEmpty()) {
                        // The rows in file and line order, whichever task read them: the case is the same every run.
                        rows.sort(Comparator.comparing(CsvCaseReader.Row::file).thenComparingInt(CsvCaseReader.Row::line));
                        String caseId = group._1();
                        BatchEvaluator evaluator = r.value().evaluator();
                        CaseInput c = evaluator.doctor().inputs()
                                .exportCase(SourceNames.caseOf(rows.get(0).file(), caseId), caseId, rows);
                        out.add(evaluator.evaluate(c).line());
                    }
                    return out.iterator();
                });
    }

    private static Tuple2<String, ExportItem> made(String key, BatchRecord record) {
        return new Tuple2<>("\u0000" + key, new ExportItem(null, record.line()));
    }

    private JavaRDD<String> jsonLines() {
        InputPaths names = inputs;
        Broadcast<JobRules> r = rules;
        JavaRDD<Tuple2<String, String>> lines = NumberedLines.read(jsc, inputs.joined(), listing("jsonl"))
                .map(l -> new Tuple2<>(SourceNames.lineOf(names.display(l.file()), l.number()), l.text()));
        if (partitions > 0) {
            lines = lines.repartition(partitions);
        }
        return lines.flatMap(l -> lines(r.value().evaluator().evaluateJsonLine(l._1(), l._2())));
    }

    private JavaRDD<String> parquetRows() {
        InputPaths names = inputs;
        Broadcast<JobRules> r = rules;
        Dataset<Row> df = spark.read().parquet(inputs.qualified());
        Column caseId = List.of(df.columns()).contains("case") ? df.col("case").cast("string") : functions.lit(null).cast("string");
        Column[] all = List.of(df.columns()).stream().map(df::col).toArray(Column[]::new);
        JavaRDD<Row> rows = df.select(functions.input_file_name().as("file"), caseId.as("case"),
                functions.to_json(functions.struct(all)).as("json")).toJavaRDD();
        if (partitions > 0) {
            rows = rows.repartition(partitions);
        }
        return rows.flatMap(row -> {
            String json = row.getString(2);
            String id = row.isNullAt(1) ? "row-" + shortHash(json) : row.getString(1);
            // input_file_name() gives a URI (file:///...): the same path as Hadoop names it (file:/...).
            String file = new org.apache.hadoop.fs.Path(java.net.URI.create(row.getString(0))).toString();
            String source = SourceNames.caseOf(names.display(file), id);
            return lines(r.value().evaluator().evaluateJsonLine(source, json));
        });
    }

    private static Iterator<String> lines(List<BatchRecord> records) {
        List<String> out = new ArrayList<>(records.size());
        for (BatchRecord b : records) {
            out.add(b.line());
        }
        return out.iterator();
    }

    /** Names a row without a case id by its content: the same row gets the same name in every run. */
    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
