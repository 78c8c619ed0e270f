#!/usr/bin/env bash
# The explorer under many clients at once: POST /api/breakdown with a mix of six pairs (of different lengths, three
# checkpoints' worth of text) from 1, 16 and 64 connections, 10 s each after a 5 s warm-up, once per jar given.
# Prints requests/s, p50 and p99 per client count and the ratio of each rate to the 1-client rate. With TRAINING=N,
# N students' 2,000-step comparisons of the presets' shape (each its own seed and address) train all the while, a
# class's stacks on every trainer (cancelled at the end). Needs wrk, curl and jq.
#   [TRAINING=N] src/bench/explorer-clients.sh a.jar [b.jar ...]
set -euo pipefail
port=${PORT:-18095}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat >"$work/mix.lua" <<'LUA'
local bodies = {
  '{"prompt":"What is the capital of Peru?","response":"It is Lima.","promptWeight":0.1}',
  '{"prompt":"Reverse the word: nose","response":"eson"}',
  '{"prompt":"What is 29 + 47?","response":"76"}',
  '{"prompt":"Which word comes first alphabetically: pear, apple, mango, kiwi, banana, cherry?","response":"apple"}',
  '{"prompt":"What is the plural of mouse?","response":"mice"}',
  '{"prompt":"Why are prompt tokens not targets in instruction fine-tuning?","response":"The model conditions on them; only the response is learned."}'
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/api/breakdown", {["Content-Type"] = "application/json"}, bodies[(n % #bodies) + 1])
end
LUA
for jar in "$@"; do
  jar=$(realpath "$jar")
  (cd "$work" && exec java -Xmx2g -jar "$jar" --server.port="$port" \
    --spring.datasource.url="jdbc:h2:mem:bench" >app.log 2>&1) &
  app=$!
  until curl -sf "http://localhost:$port/api/datasets" >/dev/null; do sleep 0.5; done
  training=()
  for s in $(seq 1 "${TRAINING:-0}"); do
    training+=("$(curl -sf -H 'Content-Type: application/json' --interface "127.0.3.$s" \
      "http://localhost:$port/api/comparisons" -d '{"steps": 2000, "seed": '"$s"',
      "lanes": [{"objective": "pretraining", "init": "base"}, {"objective": "instruction", "init": "base"}]}')")
  done
  wrk -t2 -c16 -d5s -s "$work/mix.lua" "http://localhost:$port" >/dev/null
  echo "== $jar${TRAINING:+ ($TRAINING comparisons training meanwhile)}"
  one=""
  for clients in 1 16 64; do
    out=$(wrk -t$((clients < 2 ? 1 : 2)) -c"$clients" -d10s --latency -s "$work/mix.lua" "http://localhost:$port")
    rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    one=${one:-$rate}
    printf '%3d clients: %8.1f req/s (%.2f × 1 client), p50 %s, p99 %s, non-2xx %s\n' "$clients" "$rate" \
      "$(echo "$rate / $one" | bc -l)" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
      "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)"
  done
  for run in "${training[@]}"; do
    curl -sf -X POST -H "X-Owner-Token: $(jq -r .ownerToken <<<"$run")" \
      "http://localhost:$port/api/comparisons/$(jq -r .id <<<"$run")/cancel" | jq -r '"training: \(.status) at step \(.stepsDone)"'
  done
  kill $app; wait $app 2>/dev/null || true
done
