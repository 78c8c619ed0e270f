#!/usr/bin/env bash
# Explorer throughput with nothing else running: POST /api/breakdown from 4 clients for 20 s after a 5 s warm-up,
# once per jar given, in the order given. Prints requests/s and latency percentiles per jar. Needs wrk and curl.
#   src/bench/explorer-alone.sh a.jar b.jar a.jar b.jar
set -euo pipefail
port=${PORT:-18090}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat >"$work/breakdown.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"prompt":"What is the capital of Peru?","response":"It is Lima.","promptWeight":0.1}'
LUA
for jar in "$@"; do
  (cd "$work" && exec java -Xmx2g -jar "$(realpath "$jar")" --server.port="$port" >app.log 2>&1) &
  app=$!
  until curl -sf "http://localhost:$port/api/datasets" >/dev/null; do sleep 0.5; done
  wrk -t1 -c4 -d5s -s "$work/breakdown.lua" "http://localhost:$port/api/breakdown" >/dev/null
  wrk -t1 -c4 -d20s --latency -s "$work/breakdown.lua" "http://localhost:$port/api/breakdown" >"$work/wrk.out"
  echo "$(basename "$jar"): $(awk '/Requests\/sec/ {print $2}' "$work/wrk.out") req/s," \
       "p50 $(awk '$1 == "50%" {print $2}' "$work/wrk.out"), p99 $(awk '$1 == "99%" {print $2}' "$work/wrk.out")"
  kill $app; wait $app 2>/dev/null || true
  rm -rf "$work/data"
done
