#!/usr/bin/env bash
# Start-up benchmark: cold `diagnose` (a fresh JVM each run) with a warm compiled-rules cache versus
# with --no-cache and versus a bare `java -version`, and, for information, with a warm cache plus an
# AppCDS archive (which the launcher does not use: see bench/STARTUP.md).
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
miss=$(wall "$java" -jar "$jar" diagnose --cache-dir "$cache" "$input")
echo "cache miss (fills the cache): $miss ms"
# The class-data sharing archive, as the launcher writes it: on a run that hits the rules cache.
cds=(-XX:SharedArchiveFile="$cache/app.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
dump=$(wall "$java" -XX:ArchiveClassesAtExit="$cache/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" diagnose --cache-dir "$cache" "$input")
echo "warm cache, writing the AppCDS archive: $dump ms"
nocache=()
warm=()
appcds=()
bare=()
for i in $(seq 1 "$runs"); do
  b=$(wall "$java" -version)
  bare+=("$b")
  n=$(wall "$java" -jar "$jar" diagnose --no-cache "$input")
  w=$(wall "$java" -jar "$jar" diagnose --cache-dir "$cache" "$input")
  c=$(wall "$java" "${cds[@]}" -jar "$jar" diagnose --cache-dir "$cache" "$input")
  nocache+=("$n")
  warm+=("$w")
  appcds+=("$c")
  echo "run $i: java -version $b ms, --no-cache $n ms, warm cache $w ms, warm cache + AppCDS $c ms"
done
mn=$(median "${nocache[@]}")
mw=$(median "${warm[@]}")
mc=$(median "${appcds[@]}")
mb=$(median "${bare[@]}")
echo "median java -version: $mb ms"
echo "median --no-cache: $mn ms"
echo "median warm cache: $mw ms"
echo "median warm cache + AppCDS: $mc ms"
awk -v w="$mw" -v n="$mn" 'BEGIN {printf "warm / no-cache: %.2f (target <= 0.50)\n", w / n}'
awk -v c="$mc" -v n="$mn" 'BEGIN {printf "warm + AppCDS / no-cache: %.2f\n", c / n}'
awk -v w="$mw" -v b="$mb" 'BEGIN {printf "warm / java -version: %.1f\n", w / b}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
