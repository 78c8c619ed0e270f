#!/usr/bin/env bash
# Database statements per second while 0, 1 and 300 browsers watch a run waiting behind one that trains, and the
# explorer's p99 with 300 streams open. Counts JdbcTemplate's debug lines over 10 s. Needs curl, jq and wrk.
#   src/bench/streams.sh target/losslens.jar
set -euo pipefail
jar=$(realpath "$1"); port=${PORT:-18130}
work=$(mktemp -d); cd "$work"
java -Xmx2g -jar "$jar" --server.port="$port" --losslens.streams.max-per-client=400 \
  --logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG >app.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null; pkill -P $$ curl 2>/dev/null; [[ -n ${KEEP:-} ]] || rm -rf "$work"; echo "$work"' EXIT
until curl -sf "http://localhost:$port/api/datasets" >/dev/null; do sleep 0.5; done
submit() {
  curl -sf -H 'Content-Type: application/json' -d "{\"steps\": 2000, \"evalEvery\": 2000, \"seed\": $1,
    \"lanes\": [{\"objective\": \"pretraining\"}, {\"objective\": \"instruction\"}]}" \
    "http://localhost:$port/api/comparisons" | jq .id
}
submit 98 >/dev/null
id=$(submit 99)
sleep 5
# JdbcTemplate logs each statement once as "Executing prepared SQL statement" or "Executing SQL statement"
statements() { grep -c "Executing prepared SQL statement\|Executing SQL statement" app.log || true; }
per_second() { local before; before=$(statements); sleep 10; echo "scale=1; ($(statements) - $before) / 10" | bc; }
cat >breakdown.lua <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"prompt":"What is the capital of Peru?","response":"It is Lima.","promptWeight":0.1}'
LUA
explorer() {
  wrk -t1 -c4 -d10s --latency -s breakdown.lua "http://localhost:$port/api/breakdown" >wrk.out
  echo "$(awk '/Requests\/sec/ {print $2}' wrk.out) req/s, p99 $(awk '$1 == "99%" {print $2}' wrk.out)"
}
echo "explorer with no stream open: $(explorer)"
echo "0 watchers: $(per_second) statements/s"
curl -sN "http://localhost:$port/api/comparisons/$id/events" >/dev/null & sleep 2
echo "1 watcher: $(per_second) statements/s"
for i in $(seq 299); do curl -sN "http://localhost:$port/api/comparisons/$id/events" >/dev/null & done; sleep 10
echo "300 watchers: $(per_second) statements/s"
echo "explorer with 300 streams open: $(explorer)"
