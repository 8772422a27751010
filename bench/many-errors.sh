#!/usr/bin/env bash
# Many errors, one case: diagnoses a text with 1, 5,000 and 50,000 row errors of one kind (distinct
# lookup values) in one run of this script and prints, per size, input size, exit code, wall time and
# peak RSS of the whole process (JVM start and rule loading included).
# Usage: bench/many-errors.sh [SIZES]     (default "1 5000 50000"; run from the repository root)
#        BENCH_DIR=folder                 (generated inputs and outputs; default under ${TMPDIR:-/tmp})
#        JAVA_OPTS="-Xmx512m -XX:TieredStopAtLevel=1" (JVM options of every run; the default is the launcher's JIT)
# The 50,000-error text is about 19 MB, over the default input limit: every run passes
# --max-input-bytes 64000000. Rules come from a compiled-rules cache filled once before the runs (as every
# run but the first after a rules change), so the figures are of reading and diagnosing, with JVM start.
# Nothing here is committed.
set -euo pipefail
sizes="${1:-1 5000 50000}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/syncdoctor-many-errors}"
mkdir -p "$dir"
. bench/jar.sh
cache="$dir/rules-cache"
# shellcheck disable=SC2086
java $java_opts -jar "$jar" diagnose --cache-dir "$cache" facts/examples/initial-sync/bad-request-docs-example.txt > /dev/null 2>&1 || true
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A walls
for n in $sizes; do
  python3 bench/many_errors.py "$n" "$dir/errors-$n.txt"
  for format in text json; do
    code=0
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" java $java_opts -jar "$jar" diagnose --cache-dir "$cache" --max-input-bytes 64000000 \
        --format "$format" "$dir/errors-$n.txt" > "$dir/out-$n.$format" 2> "$dir/err-$n.txt" || code=$?
    read -r wall rss < "$dir/time.txt"
    walls[$n.$format]=$wall
    printf 'errors=%-6s format=%-4s input=%6s KB  exit=%s  wall=%5s s  peak RSS=%6s KB  output=%6s KB\n' \
        "$n" "$format" "$(( $(stat -c %s "$dir/errors-$n.txt") / 1024 ))" "$code" "$wall" "$rss" \
        "$(( $(stat -c %s "$dir/out-$n.$format") / 1024 ))"
  done
done
for n in $sizes; do
  for format in text json; do
    first="${sizes%% *}"
    echo "errors=$n format=$format: $(python3 -c "print(round(${walls[$n.$format]} / ${walls[$first.$format]}, 2))")x the wall time of $first error(s)"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "outputs in $dir (first lines of the 50,000-error text plan: head $dir/out-50000.text)"
