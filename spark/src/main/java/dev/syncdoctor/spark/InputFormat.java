package dev.syncdoctor.spark;

/** What the job's input holds; see {@link CorpusReader}. */
enum InputFormat {
    TEXT, CSV, JSONL, PARQUET
}
