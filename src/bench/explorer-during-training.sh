#!/usr/bin/env bash
# Trains comparisons while explorer clients hammer POST /api/breakdown, and prints one line per try:
# lanes diverged, explorer requests/s and p99 latency meanwhile. Needs wrk, curl and jq.
#   src/bench/explorer-during-training.sh target/losslens.jar [tries]
set -euo pipefail
jar=$(realpath "$1"); tries=${2:-5}; port=${PORT:-18080}
work=$(mktemp -d); cd "$work"
java -Xmx2g -jar "$jar" --server.port="$port" --losslens.training.max-queued-per-client=100 >app.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://localhost:$port/api/datasets" >/dev/null; do sleep 0.5; done
cat >breakdown.lua <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"prompt":"What is the capital of Peru?","response":"It is Lima.","promptWeight":0.1}'
LUA
small='"dataset":"first-word","model":"small","steps":40,"learningRate":0.001,"batchSize":64,"evalEvery":5,
 "lanes":[{"objective":"pretraining","init":"scratch"},{"objective":"instruction","init":"scratch"}]'
preset='"dataset":"capitals","model":"tiny","steps":300,"learningRate":0.0003,"batchSize":16,"evalEvery":10,
 "lanes":[{"objective":"pretraining","init":"base"},{"objective":"instruction","init":"base"}]'
for name in ${CONFIGS:-small preset}; do
  for try in $(seq "$tries"); do
    seed=$((RANDOM * 32768 + RANDOM))
    body="{${!name},\"seed\":$seed}"
    wrk -t1 -c4 -d600s --latency -s breakdown.lua "http://localhost:$port/api/breakdown" >wrk.out &
    load=$!
    sleep 1
    id=$(curl -sf -H 'Content-Type: application/json' -d "$body" "http://localhost:$port/api/comparisons" | jq .id)
    started=$(date +%s)
    while :; do
      view=$(curl -sf "http://localhost:$port/api/comparisons/$id")
      status=$(jq -r .status <<<"$view")
      [[ $status == queued || $status == running ]] || break
      sleep 1
    done
    kill -INT $load; wait $load || true
    diverged=$(jq '[.lanes[] | select(.status == "diverged")] | length' <<<"$view")
    rps=$(awk '/Requests\/sec/ {print $2}' wrk.out)
    p99=$(awk '$1 == "99%" {print $2}' wrk.out)
    echo "$name try $try seed $seed run $id: $status in $(( $(date +%s) - started )) s, lanes diverged $diverged" \
         "$(jq -c '[.lanes[] | .divergedAt]' <<<"$view"), explorer $rps req/s, p99 $p99"
  done
done
