#!/usr/bin/env bash
# Batch benchmark: generates synthetic inputs, runs `syncdoctor batch` with 1 and 2 threads, compares with
# grep -rlF over the catalog's match fragments, and checks that peak RSS does not grow with the input count.
# Usage: bench/run.sh [N]            (default 100000; run from the repository root)
#        CATALOG=path/catalog.json   (default rules/catalog.json; grep comparison skipped when absent)
#        RSS_N="10000 1000000"       (the two sizes of the memory check; RSS_N= to skip it)
#        BENCH_DIR=folder            (where generated inputs go; default a folder under ${TMPDIR:-/tmp})
#        JAVA_OPTS="-Xmx512m -XX:TieredStopAtLevel=1" (JVM options of every batch run, the launcher's JIT;
#                                     the heap cap keeps RSS a measure of
#                                     what batch holds rather than of how far the JVM chose to grow its heap)
# Nothing here is committed: the inputs and outputs stay in BENCH_DIR.
set -euo pipefail
n="${1:-100000}"
catalog="${CATALOG:-rules/catalog.json}"
rss_n="${RSS_N-10000 1000000}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/syncdoctor-bench}"
mkdir -p "$dir"
. bench/jar.sh
gen() { # gen N: inputs in $dir/N (kept between runs)
  [ -f "$dir/$1.done" ] || { rm -rf "${dir:?}/$1"; python3 bench/generate.py "$1" "$dir/$1"; touch "$dir/$1.done"; }
}
run() { # run THREADS INPUTS [JAVA OPTIONS]: prints "records/s wall_s maxrss_kb cpu_s"
  local opts="${3-$java_opts}"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M %U %S" -o "$dir/time.txt" java $opts -jar "$jar" batch --format json --threads "$1" \
      --out "$dir/out.jsonl" --summary "$dir/summary.json" "$2" 2> "$dir/err.txt" || true
  rate=$(sed -nE 's/.*\(([0-9]+) records\/s.*/\1/p' "$dir/err.txt")
  read -r wall rss user sys < "$dir/time.txt"
  echo "$rate $wall $rss $(python3 -c "print(round($user+$sys, 1))")"
}
gen "$n"
# Fill the compiled-rules cache first, so no timed run pays for compiling the rules (a miss costs ~10 s CPU).
java $java_opts -jar "$jar" batch --format json --out /dev/null "$dir/$n/0000" 2>/dev/null || true
cat /dev/null > "$dir/results.txt"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$dir/results.txt"
read -r r1 w1 m1 c1 < <(run 1 "$dir/$n")
read -r r2 w2 m2 c2 < <(run 2 "$dir/$n")
echo "N=$n  1 thread: $r1 records/s (process wall $w1 s, CPU $c1 s, peak RSS $m1 KB)" | tee -a "$dir/results.txt"
echo "N=$n  2 threads: $r2 records/s (process wall $w2 s, CPU $c2 s, peak RSS $m2 KB)" | tee -a "$dir/results.txt"
echo "speed-up 1->2 threads: $(python3 -c "print(round($r2/$r1, 2))") in records/s, $(python3 -c "print(round($w1/$w2, 2))") in whole-process wall time" | tee -a "$dir/results.txt"
# The launcher's JIT setting against the JVM's default (both tiers), same run, same inputs.
read -r rf wf mf cf < <(run 2 "$dir/$n" "${java_opts//-XX:TieredStopAtLevel=1/}")
echo "N=$n  2 threads, full JIT: $rf records/s (process wall $wf s, CPU $cf s); quick tier / full JIT CPU: $(python3 -c "print(round($c2/$cf, 2))")" | tee -a "$dir/results.txt"
read -r rp wp mp cp < <(run 2 "$dir/$n" "${java_opts//-XX:TieredStopAtLevel=1/} -XX:+UseParallelGC")
echo "N=$n  2 threads, full JIT and the parallel collector: $rp records/s (process wall $wp s, CPU $cp s)" | tee -a "$dir/results.txt"
if [ -f "$catalog" ]; then
  python3 bench/fragments.py "$catalog" > "$dir/fragments.txt"
  # The median of three: grep's second of work is easily moved by the machine's other load.
  times=()
  for _ in 1 2 3; do
    start=$(date +%s.%N); grep -rlF -f "$dir/fragments.txt" "$dir/$n" > /dev/null || true; end=$(date +%s.%N)
    times+=("$(python3 -c "print(round($end-$start, 2))")")
  done
  g=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  echo "grep -rlF -f fragments ($(wc -l < "$dir/fragments.txt") fragments): $g s (median of ${times[*]}); batch (2 threads, whole process) / grep: $(python3 -c "print(round($w2/$g, 1))")x, full JIT and parallel collector / grep: $(python3 -c "print(round($wp/$g, 1))")x" | tee -a "$dir/results.txt"
else
  echo "no $catalog: grep comparison skipped (CATALOG=path/to/catalog.json)" | tee -a "$dir/results.txt"
fi
for m in $rss_n; do
  gen "$m"
  read -r r w k c < <(run 2 "$dir/$m")
  echo "N=$m  2 threads: $r records/s, peak RSS $k KB" | tee -a "$dir/results.txt"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$dir/results.txt"
