#!/usr/bin/env bash
# Load benchmark of `syncdoctor serve` (not a test): diagnoses per second and latency percentiles at
# concurrency 1, 16 and 64 with wrk, then a soak at concurrency 16 that must end with zero errors and a
# heap that does not grow. Every request is POST /api/v1/diagnose with the documented 400 Bad Request
# text (facts/examples/initial-sync/bad-request-docs-example.txt) and context as query parameters.
# Usage: bench/serve.sh                   (run from the repository root; needs wrk: apt-get install wrk)
#        DURATION=20 SOAK=60 PORT=18090   (seconds per concurrency level, soak seconds, port)
#        JAVA_OPTS="-Xmx512m"             (server JVM options)
# Writes the wrk outputs and the memory samples to ${BENCH_DIR:-/tmp/syncdoctor-serve-bench}; nothing is committed.
set -euo pipefail
duration="${DURATION:-20}"
soak="${SOAK:-60}"
port="${PORT:-18090}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/syncdoctor-serve-bench}"
jar=target/syncdoctor.jar
java_opts="${JAVA_OPTS--Xmx512m}"
command -v wrk >/dev/null || { echo "bench/serve.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
mkdir -p "$dir"
[ -f "$jar" ] && [ -z "$(find src/main pom.xml -newer "$jar" -print -quit)" ] || mvn -B -q -ntp -DskipTests package

cat > "$dir/diagnose.lua" <<'LUA'
-- Every request: the documented 400 text as text/plain, seen three times, by someone without System admin.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/plain"
wrk.path = "/api/v1/diagnose?occurrences=3&map=Financial%20dimensions"
-- Errors: status >= 400, and connect/read/write failures and timeouts.
done = function(summary, latency, requests)
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\nrps %.0f\nerrors %d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
export BODY_FILE="$PWD/facts/examples/initial-sync/bad-request-docs-example.txt"

# --max-queued covers the 64 connections of the last level: the bench measures throughput, not refusals.
java $java_opts -jar "$jar" serve --port "$port" --max-queued 256 > "$dir/server.out" 2> "$dir/server.err" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "server did not start" >&2; cat "$dir/server.err" >&2; exit 1; }

echo "warm-up (10 s, concurrency 16)"
wrk -t 2 -c 16 -d 10s -s "$dir/diagnose.lua" "http://127.0.0.1:$port" > "$dir/warmup.txt"

# The server's own CPU time per diagnose (user + system, from /proc) does not depend on what else runs on the
# machine, unlike wall-clock rates; cores * 1000 / cpu_ms is what the server would sustain on idle cores.
ticks=$(getconf CLK_TCK)
cpu() { awk -v t="$ticks" '{printf "%.3f", ($14 + $15) / t}' "/proc/$server/stat"; }
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$dir/results.txt"
printf '%-12s %12s %10s %10s %8s %12s\n' concurrency diagnoses/s p50_ms p99_ms errors server_cpu_ms | tee -a "$dir/results.txt"
for c in 1 16 64; do
  t=$(( c < 2 ? 1 : 2 ))
  before=$(cpu)
  wrk -t "$t" -c "$c" -d "${duration}s" --timeout 10s -s "$dir/diagnose.lua" "http://127.0.0.1:$port" > "$dir/wrk-c$c.txt"
  after=$(cpu)
  val() { sed -nE "s/^$1 (.*)/\1/p" "$dir/wrk-c$c.txt"; }
  requests=$(awk '/requests in/ {print $1}' "$dir/wrk-c$c.txt")
  per=$(awk -v a="$after" -v b="$before" -v n="$requests" 'BEGIN {printf "%.3f", (n > 0 ? (a - b) * 1000 / n : 0)}')
  printf '%-12s %12s %10s %10s %8s %12s\n' "$c" "$(val rps)" "$(val p50_ms)" "$(val p99_ms)" "$(val errors)" "$per" | tee -a "$dir/results.txt"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$dir/results.txt"

echo "soak: ${soak} s at concurrency 16; heap after a full GC every 10 s (jcmd GC.class_histogram forces one)"
heap() { jcmd "$server" GC.class_histogram 2>/dev/null | awk '/^Total/ {printf "%.1f", $3 / 1048576}'; }
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status" 2>/dev/null || echo "?"; }
wrk -t 2 -c 16 -d "${soak}s" --timeout 10s -s "$dir/diagnose.lua" "http://127.0.0.1:$port" > "$dir/soak.txt" &
load=$!
: > "$dir/memory.txt"
for s in $(seq 0 10 "$soak"); do
  echo "t=${s}s live_heap_mb=$(heap) rss_mb=$(rss)" | tee -a "$dir/memory.txt"
  [ "$s" -lt "$soak" ] && sleep 10
done
wait $load
echo "soak: $(sed -nE 's/^rps (.*)/\1/p' "$dir/soak.txt") diagnoses/s, p99 $(sed -nE 's/^p99_ms (.*)/\1/p' "$dir/soak.txt") ms, errors $(sed -nE 's/^errors (.*)/\1/p' "$dir/soak.txt")" | tee -a "$dir/results.txt"
grep -E "requests in|Non-2xx|Socket errors" "$dir/soak.txt" || true
