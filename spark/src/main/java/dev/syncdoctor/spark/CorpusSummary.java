package dev.syncdoctor.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import dev.syncdoctor.batch.BatchSummary;
import dev.syncdoctor.plan.CaseStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The summary of {@code batch --summary}, counted over the records the job wrote: counts by status and
 * issue, the unexplained errors grouped by their masked signature and the invalid records by their masked
 * reason. The grouping runs on the executors; the driver receives only the kept groups (at most
 * {@value BatchSummary#MAX_GROUPS} of each, most frequent first). Each group's example is the smallest
 * source that shows it, so the summary is the same in every run (batch names the first in input order).
 */
final class CorpusSummary {
    private static final UserDefinedFunction INVALID_SIGNATURE = functions.udf(
            (UDF2<String, String, String>) BatchSummary::invalidSignature, DataTypes.StringType);
    private static final UserDefinedFunction INVALID_REASON = functions.udf(
            (UDF2<String, String, String>) BatchSummary::invalidReason, DataTypes.StringType);

    private CorpusSummary() {
    }

    static BatchSummary of(Dataset<Row> records) {
        Map<CaseStatus, Long> statuses = new EnumMap<>(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            statuses.put(s, 0L);
        }
        for (Row r : records.groupBy("status").count().collectAsList()) {
            statuses.put(status(r.getString(0)), r.getLong(1));
        }

        List<BatchSummary.IssueCount> issues = new ArrayList<>();
        for (Row r : records.select(explode(col("diagnoses")).as("d"))
                .groupBy(col("d.issue")).agg(min(col("d.kb")), min(col("d.title")), count(lit(1))).collectAsList()) {
            issues.add(new BatchSummary.IssueCount(r.getString(0), r.getString(1), r.getString(2), r.getLong(3)));
        }

        Dataset<Row> unexplained = records.filter(col("status").notEqual(CaseStatus.INVALID.label()))
                .select(col("source"), explode(col("unexplained")).as("u"))
                .select(col("u.signature").as("signature"), col("source"), col("u.text").as("text"));
        Groups unknown = groups(unexplained);

        Dataset<Row> invalid = records.filter(col("status").equalTo(CaseStatus.INVALID.label()))
                .select(INVALID_SIGNATURE.apply(col("source"), col("error")).as("signature"), col("source"),
                        INVALID_REASON.apply(col("source"), col("error")).as("text"));
        Groups reasons = groups(invalid);

        return BatchSummary.aggregated(statuses, issues, unknown.total, unknown.kept, unknown.total - unknown.keptCount,
                reasons.kept, reasons.total - reasons.keptCount);
    }

    private record Groups(List<BatchSummary.Group> kept, long keptCount, long total) {
    }

    /** Rows (signature, source, text) grouped by signature: the most frequent kept, and the count of all. */
    private static Groups groups(Dataset<Row> rows) {
        Dataset<Row> grouped = rows.groupBy(col("signature"))
                .agg(count(lit(1)).as("n"), min(struct(col("source"), col("text"))).as("example"))
                .cache();
        try {
            Row totals = grouped.agg(functions.sum(col("n"))).first();
            long total = totals.isNullAt(0) ? 0 : totals.getLong(0);
            List<BatchSummary.Group> kept = new ArrayList<>();
            long keptCount = 0;
            for (Row r : grouped.orderBy(col("n").desc(), col("signature").asc())
                    .limit(BatchSummary.MAX_GROUPS).collectAsList()) {
                Row example = r.getStruct(2);
                long n = r.getLong(1);
                kept.add(new BatchSummary.Group(r.getString(0), n, example.getString(0),
                        BatchSummary.exampleText(example.getString(1) == null ? "" : example.getString(1))));
                keptCount += n;
            }
            return new Groups(kept, keptCount, total);
        } finally {
            grouped.unpersist();
        }
    }

    private static CaseStatus status(String label) {
        for (CaseStatus s : CaseStatus.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalStateException("a record with status " + label);
    }
}
