#!/usr/bin/env bash
# Recall and precision of the knowledge base on realistic variants of the catalog's error texts and on
# look-alikes from other products (expected: no diagnosis). Generates the cases into a temporary folder,
# runs `batch --format json` once over them and prints the figures and every miss (bench/recall.py).
# Usage: bench/recall.sh                   (run from the repository root)
#        VARIANTS=8 SEED=7                 (variants per catalog entry; seed of the generator)
#        CATALOG=rules/catalog.json        (the catalog the variants come from)
#        RULES=rules                       (the rules folder evaluated)
#        BENCH_DIR=folder                  (kept after the run; default a temporary folder, removed)
#        JAVA_OPTS="-Xmx512m"              (JVM options)
# Nothing generated is committed: the cases and results live under BENCH_DIR only.
set -euo pipefail
. bench/jar.sh
if [ -n "${BENCH_DIR:-}" ]; then dir="$BENCH_DIR"; rm -rf "$dir/cases"; mkdir -p "$dir"
else dir="$(mktemp -d "${TMPDIR:-/tmp}/syncdoctor-recall.XXXXXX")"; trap 'rm -rf "$dir"' EXIT; fi
python3 bench/recall.py generate "$dir" --catalog "${CATALOG:-rules/catalog.json}" \
    --variants "${VARIANTS:-8}" --seed "${SEED:-7}"
# one thread: the machine is shared and the figures do not depend on speed
java -XX:TieredStopAtLevel=1 $java_opts -jar "$jar" batch --format json --threads 1 --no-cache \
    --rules "${RULES:-rules}" --out "$dir/results.jsonl" "$dir/cases" 2> "$dir/batch.err" \
    || { echo "batch failed:"; cat "$dir/batch.err"; exit 1; }
python3 bench/recall.py score "$dir" "$dir/results.jsonl"
