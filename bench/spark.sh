#!/usr/bin/env bash
# Spark benchmark: the same generated corpus through `syncdoctor batch` (2 threads) and through the Spark
# job in local[2] (one JVM, two task threads) on this machine; prints both wall times and their ratio.
# Usage: bench/spark.sh [N]           (default 100000; run from the repository root after `mvn verify`)
#        BENCH_DIR=folder             (where generated inputs go; default a folder under ${TMPDIR:-/tmp})
#        JAVA_OPTS="-Xmx1g"           (JVM options of both runs)
#        CLI_JAR=..., JOB_JAR=...     (other builds of the two jars)
# Needs the two jars (target/syncdoctor.jar, spark/target/syncdoctor-spark.jar). Spark's classpath is the
# one Maven resolves for spark/ (Spark at its own versions), so no Spark installation is needed.
# Nothing here is committed: the inputs and outputs stay in BENCH_DIR.
set -euo pipefail
n="${1:-100000}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/syncdoctor-bench}"
java_opts="${JAVA_OPTS--Xmx1g}"
cli="${CLI_JAR:-target/syncdoctor.jar}"
job="${JOB_JAR:-spark/target/syncdoctor-spark.jar}"
[ -f "$cli" ] && [ -f "$job" ] || { echo "build first: mvn -B -ntp verify" >&2; exit 2; }
mkdir -p "$dir"
[ -f "$dir/$n.done" ] || { rm -rf "${dir:?}/$n"; python3 bench/generate.py "$n" "$dir/$n"; touch "$dir/$n.done"; }
(cd spark && mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=target/spark.classpath)
spark_opts=$(sed -n 's:.*<spark.java17.options>\(.*\)</spark.java17.options>.*:\1:p' spark/pom.xml)
results="$dir/spark-results.txt"
: > "$results"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"

rm -rf "$dir/batch-out.jsonl" "$dir/spark-out"
/usr/bin/time -f "%e %M" -o "$dir/time-batch.txt" java $java_opts -jar "$cli" batch --format json --threads 2 \
    --out "$dir/batch-out.jsonl" --summary "$dir/batch-summary.json" "$dir/$n" 2> "$dir/batch-err.txt" || true
read -r wb mb < "$dir/time-batch.txt"
echo "batch, 2 threads: wall $wb s, peak RSS $mb KB, $(wc -l < "$dir/batch-out.jsonl") records" | tee -a "$results"

# shellcheck disable=SC2086
/usr/bin/time -f "%e %M" -o "$dir/time-spark.txt" java $java_opts $spark_opts -Dspark.master='local[2]' \
    -Dspark.ui.enabled=false -cp "$job:$(cat spark/target/spark.classpath)" dev.syncdoctor.spark.SparkJob \
    --input "$dir/$n" --format text --output "$dir/spark-out" 2> "$dir/spark-err.txt" || true
read -r ws ms < "$dir/time-spark.txt"
records=$(cat "$dir"/spark-out/records/part-* | wc -l)
echo "Spark job, local[2]: wall $ws s, peak RSS $ms KB, $records records" | tee -a "$results"
echo "job / batch wall time: $(python3 -c "print(round($ws/$wb, 2))")x" | tee -a "$results"
if cmp -s <(sort "$dir/batch-out.jsonl") <(cat "$dir"/spark-out/records/part-* | sort); then
  echo "records: identical after sorting" | tee -a "$results"
else
  echo "records: DIFFERENT (see $dir/batch-out.jsonl and $dir/spark-out/records)" | tee -a "$results"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
