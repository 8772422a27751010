package dev.syncdoctor.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The output contract (one object per case, as {@code batch --format json} writes it) as Spark columns. */
final class RecordSchema {
    private RecordSchema() {
    }

    static final StructType RECORD = struct(
            field("source", DataTypes.StringType),
            field("case", DataTypes.StringType),
            field("status", DataTypes.StringType),
            field("diagnoses", DataTypes.createArrayType(struct(
                    field("issue", DataTypes.StringType),
                    field("kb", DataTypes.StringType),
                    field("title", DataTypes.StringType),
                    field("section", DataTypes.StringType),
                    field("category", DataTypes.StringType),
                    field("role", DataTypes.StringType),
                    field("confidence", DataTypes.StringType),
                    field("rule", DataTypes.StringType),
                    field("evidence", strings()),
                    field("errors", strings())))),
            field("requirements", DataTypes.createArrayType(struct(
                    field("kind", DataTypes.StringType),
                    field("name", DataTypes.StringType),
                    field("issue", DataTypes.StringType),
                    field("issues", strings()),
                    field("held", DataTypes.BooleanType)))),
            field("actions", DataTypes.createArrayType(struct(
                    field("step", DataTypes.IntegerType),
                    field("issue", DataTypes.StringType),
                    field("issues", strings()),
                    field("phase", DataTypes.StringType),
                    field("text", DataTypes.StringType),
                    field("because", DataTypes.StringType)))),
            field("unexplained", DataTypes.createArrayType(struct(
                    field("id", DataTypes.StringType),
                    field("signature", DataTypes.StringType),
                    field("text", DataTypes.StringType)))),
            field("error", DataTypes.StringType));

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static DataType strings() {
        return DataTypes.createArrayType(DataTypes.StringType);
    }
}
