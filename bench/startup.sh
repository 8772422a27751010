#!/usr/bin/env bash
# Start-up benchmark: cold `diagnose` (a fresh JVM each run) through the launcher as users run it
# (compiled-rules cache and the launcher's class-data archive warm) versus the jar with a warm rules
# cache and no archive, with --no-cache, and a bare `java -version`.
# Prints every run and the median of each; run from anywhere, after `mvn -DskipTests package`.
#   bench/startup.sh [RUNS] [INPUT]      (defaults: 5, facts/examples/initial-sync/bad-request-docs-example.txt)
# The two kinds of run are interleaved so a change in machine load hits both alike.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
input="${2:-facts/examples/initial-sync/bad-request-docs-example.txt}"
jar="$root/target/syncdoctor.jar"
java="${JAVA:-java}"
[ -f "$jar" ] || { echo "no $jar: run mvn -DskipTests package first" >&2; exit 2; }
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
cd "$root"

# Wall time of one command, in milliseconds, its output discarded.
wall() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

# Fill the cache (a miss: compile, then build and store the executable model).
echo "java: $("$java" -version 2>&1 | head -1); load average: $(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || uptime)"
miss=$(wall "$java" -XX:TieredStopAtLevel=1 -jar "$jar" diagnose --cache-dir "$cache" "$input")
echo "cache miss (fills the cache): $miss ms"
# The launcher's first diagnose fills its rules cache and writes its class-data archive (training runs).
launcher=(env XDG_CACHE_HOME="$cache/home" "$root/syncdoctor" diagnose "$input")
first=$(wall "${launcher[@]}")
echo "launcher, first diagnose (rules cache miss, class-data archive written): $first ms"
ls "$cache/home/syncdoctor/classes/"*.jsa >/dev/null 2>&1 || { echo "the launcher wrote no class-data archive" >&2; exit 1; }
nocache=()
warm=()
launched=()
bare=()
for i in $(seq 1 "$runs"); do
  b=$(wall "$java" -version)
  bare+=("$b")
  n=$(wall "$java" -XX:TieredStopAtLevel=1 -jar "$jar" diagnose --no-cache "$input")
  w=$(wall "$java" -XX:TieredStopAtLevel=1 -jar "$jar" diagnose --cache-dir "$cache" "$input")
  c=$(wall "${launcher[@]}")
  nocache+=("$n")
  warm+=("$w")
  launched+=("$c")
  echo "run $i: java -version $b ms, --no-cache $n ms, warm cache $w ms, launcher (warm cache + class archive) $c ms"
done
mn=$(median "${nocache[@]}")
mw=$(median "${warm[@]}")
mc=$(median "${launched[@]}")
mb=$(median "${bare[@]}")
echo "median java -version: $mb ms"
echo "median --no-cache: $mn ms"
echo "median warm cache: $mw ms"
echo "median launcher, warm cache + class archive: $mc ms"
awk -v w="$mw" -v n="$mn" 'BEGIN {printf "warm / no-cache: %.2f (target <= 0.50)\n", w / n}'
awk -v c="$mc" -v n="$mn" 'BEGIN {printf "launcher warm / no-cache: %.2f\n", c / n}'
awk -v w="$mw" -v b="$mb" 'BEGIN {printf "jar warm cache / java -version: %.1f\n", w / b}'
awk -v c="$mc" -v b="$mb" 'BEGIN {printf "launcher warm / java -version: %.1f (target <= 6)\n", c / b}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
