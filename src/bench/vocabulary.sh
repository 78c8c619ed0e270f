#!/usr/bin/env bash
# Would a larger vocabulary keep typed sentences whole, and what would it cost training? Part 1 encodes course prose
# the compact vocabulary was not built from (VocabularyCoverage.java) under the bundled vocabulary and larger ones.
# Part 2 times the tiny GPT's training step (the bench command, the presets' shape: 2 layers, d 64, 4 heads, batch
# 16, context 64) at each of those vocabulary sizes, three interleaved rounds, and prints the median steps/s and its
# ratio to the bundled size. Needs java 17 and the jtokkit jar in ~/.m2 (the build puts it there). About 3 minutes.
#   src/bench/vocabulary.sh target/losslens.jar
set -euo pipefail
jar=$(realpath "$1"); here=$(dirname "$(realpath "$0")"); root=$(realpath "$here/../..")
jtokkit=$(find ~/.m2/repository/com/knuddels/jtokkit -name 'jtokkit-*.jar' | sort | tail -1)
java -cp "$jtokkit" "$here/VocabularyCoverage.java" "$root/sample-datasets"
sizes=(${SIZES:-1926 5085 8891 16804 50260})
declare -A rates
for round in 1 2 3; do
  for vocab in "${sizes[@]}"; do
    rate=$(java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
      -jar "$jar" bench --layers 2 --d-model 64 --heads 4 --context 64 --batch 16 --vocab "$vocab" --steps "${STEPS:-150}" \
      2>/dev/null | grep -o '"steps_per_s": [0-9.]*' | grep -o '[0-9.]*$')
    rates[$vocab]="${rates[$vocab]:-} $rate"
  done
done
base=""
for vocab in "${sizes[@]}"; do
  median=$(tr ' ' '\n' <<<"${rates[$vocab]}" | grep . | sort -g | sed -n 2p)
  base=${base:-$median}
  printf 'vocab %6d  steps/s %6.2f (rounds:%s)  %.2f × the bundled size\n' "$vocab" "$median" "${rates[$vocab]}" \
    "$(echo "$median / $base" | bc -l)"
done
