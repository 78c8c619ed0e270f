#!/usr/bin/env bash
# What flushing every commit costs: trains the default preset (from the lab's defaults, seed varied) on the embedded
# store with the given JDBC URLs, alternating, and prints the run's wall time and its evaluation-point count.
#   src/bench/durability-cost.sh target/losslens.jar 'jdbc:h2:file:./data/losslens' 'jdbc:h2:file:./data/losslens;WRITE_DELAY=0'
set -euo pipefail
jar=$(realpath "$1"); shift; port=${PORT:-18120}
for round in $(seq "${ROUNDS:-2}"); do
  for url in "$@"; do
    work=$(mktemp -d)
    (cd "$work" && exec java -Xmx2g -jar "$jar" --server.port="$port" --spring.datasource.url="$url" >app.log 2>&1) &
    app=$!
    until curl -sf "http://localhost:$port/api/datasets" >/dev/null; do sleep 0.5; done
    id=$(curl -sf -H 'Content-Type: application/json' -d "{\"seed\": $((round * 100)), \"evalEvery\": 5,
      \"lanes\": [{\"objective\": \"pretraining\", \"init\": \"base\"}, {\"objective\": \"instruction\", \"init\": \"base\"}]}" \
      "http://localhost:$port/api/comparisons" | jq .id)
    while [[ $(curl -sf "http://localhost:$port/api/comparisons/$id" | jq -r .status) =~ ^(queued|running)$ ]]; do sleep 0.5; done
    view=$(curl -sf "http://localhost:$port/api/comparisons/$id")
    echo "round $round, $url: $(jq -r '.status' <<<"$view") in" \
      "$(jq -r '((.finishedAt | sub("\\.[0-9]+"; "") | fromdate) - (.startedAt | sub("\\.[0-9]+"; "") | fromdate))' <<<"$view") s," \
      "$(jq '[.lanes[].metrics | length] | add' <<<"$view") points"
    kill $app; wait $app 2>/dev/null || true; rm -rf "$work"
  done
done
