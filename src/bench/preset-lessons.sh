#!/usr/bin/env bash
# Trains every lab preset once, as the lab's buttons start them, and prints the first ETA the run page showed beside
# the real time, then each lane's held-out figures at step 0 and at the end, its best exact match and where, its
# drift, and the run's findings. Needs curl and jq.
#   src/bench/preset-lessons.sh target/losslens.jar
set -euo pipefail
jar=$(realpath "$1"); port=${PORT:-18081}
work=$(mktemp -d); cd "$work"
java -Xmx2g -jar "$jar" --server.port="$port" >app.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
url="http://localhost:$port"
until curl -sf "$url/api/datasets" >/dev/null; do sleep 0.5; done
for preset in ${PRESETS:-objective-from-base scratch-vs-base prompt-weight}; do
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Origin: $url" -d "preset=$preset" "$url/runs")
  id=${location##*/}
  started=$(date +%s.%N)
  eta=none
  until [[ $eta != none ]]; do  # the first ETA the run page can show
    eta=$(curl -sf "$url/api/comparisons/$id" | jq -r '.etaSeconds // (if .status == "finished" then "finished" else "none" end)')
  done
  while :; do
    view=$(curl -sf "$url/api/comparisons/$id")
    status=$(jq -r .status <<<"$view")
    [[ $status == queued || $status == running ]] || break
    sleep 2
  done
  took=$(echo "$(date +%s.%N) - $started" | bc)
  echo "== $preset (run $id, $status in $(printf %.1f "$took") s; first ETA $(printf %.1f "$eta") s," \
    "$(echo "($eta - $took) * 100 / $took" | bc) % off)"
  jq -r 'def n: if . == null then "–" else (. * 100 | round / 100 | tostring) end;
         def pc: if . == null then "–" else (. * 100 | round | tostring) + "%" end;
         .lanes[] | "\(.label): response NLL \(.metrics[0].responseNll | n) → \(.metrics[-1].responseNll | n), " +
         "prompt NLL \(.metrics[0].promptNll | n) → \(.metrics[-1].promptNll | n), " +
         "exact match \([.metrics[] | select(.exactMatch != null)][0].exactMatch | pc) → \(.metrics[-1].exactMatch | pc) " +
         "(best \([.metrics[] | select(.exactMatch != null)] | max_by(.exactMatch) | "\(.exactMatch | pc) at step \(.step)")), " +
         "drift \(.metrics[-1].drift | n)"' <<<"$view"
  jq -r '.findings[]? | "  - " + .' <<<"$view"
done
