#!/usr/bin/env bash
# A lab session: N students, each from its own loopback address (127.0.1.x, 127.0.2.x, …), press "Train" on a comparison of their
# own (tiny, capitals, two lanes from the base, STEPS steps, their own seed) within the same second. Prints how many
# were refused, the wait from submitting to the first point on each student's chart (p50/p95/max), the time until
# the last finished, and that time as a share of N × one comparison trained alone (measured first, same run).
# Needs curl and jq.
#   src/bench/class-lab.sh target/losslens.jar [N=24] [STEPS=150]
set -euo pipefail
jar=$(realpath "$1"); n=${2:-24}; steps=${3:-150}; port=${PORT:-18082}
work=$(mktemp -d); cd "$work"
java -Xmx4g -jar "$jar" --server.port="$port" --spring.datasource.url="jdbc:h2:mem:classlab" >app.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
url="http://localhost:$port"
until curl -sf "$url/api/datasets" >/dev/null; do sleep 0.5; done
body() {  # a student's comparison: their seed is their number
  echo "{\"dataset\": \"capitals\", \"model\": \"tiny\", \"steps\": $steps, \"seed\": $1, \"lanes\": [
    {\"objective\": \"pretraining\", \"init\": \"base\"}, {\"objective\": \"instruction\", \"init\": \"base\"}]}"
}
now() { date +%s.%N; }
finished() { [[ $(curl -sf "$url/api/comparisons/$1" | jq -r .status) =~ ^(finished|cancelled|failed|interrupted)$ ]]; }

# one comparison alone, the yardstick (seed 0, so it is no student's)
start=$(now)
id=$(curl -sf -H 'Content-Type: application/json' --interface 127.0.9.1 "$url/api/comparisons" -d "$(body 0)" | jq -r .id)
until finished "$id"; do sleep 0.2; done
alone=$(echo "$(now) - $start" | bc)

# the class presses Train together
submitted=$(now); students=()
for s in $(seq 1 "$n"); do
  curl -s -o "submit.$s" -w '%{http_code}' -H 'Content-Type: application/json' --interface "127.0.$((s / 250 + 1)).$((s % 250 + 1))" \
    "$url/api/comparisons" -d "$(body "$s")" >"code.$s" &
  students+=($!)
done
wait "${students[@]}"
refused=0; ids=()
for s in $(seq 1 "$n"); do
  if [[ $(cat "code.$s") == 2* ]]; then ids+=("$(jq -r .id "submit.$s")"); else refused=$((refused + 1)); fi
done
declare -A first=() done_at=()
while (( ${#done_at[@]} < ${#ids[@]} )); do
  # statuses from the history, a page of 100 at a time; a view only for runs whose first point is not seen yet
  pages=$(( (${#ids[@]} + 1) / 100 + 1 ))
  statuses=$(for p in $(seq 0 $pages); do curl -sf "$url/api/comparisons?page=$p&size=100"; done |
    jq -r '.comparisons[] | "\(.id) \(.status)"')
  t=$(now)
  while read -r id status; do
    [[ " ${ids[*]} " == *" $id "* && -z ${done_at[$id]:-} ]] || continue
    if [[ -z ${first[$id]:-} && $status != queued ]] &&
       (( $(curl -sf "$url/api/comparisons/$id" | jq '[.lanes[].metrics | length] | add') > 0 )); then
      first[$id]=$(echo "$t - $submitted" | bc)
    fi
    if [[ $status =~ ^(finished|cancelled|failed|interrupted)$ ]]; then
      done_at[$id]=$(echo "$t - $submitted" | bc)
      [[ -z ${first[$id]:-} ]] && first[$id]=${done_at[$id]}
    fi
  done <<<"$statuses"
  sleep 0.5
done
last=$(printf '%s\n' "${done_at[@]}" | sort -n | tail -1)
printf '%s\n' "${first[@]}" | sort -n >firsts
pick() { awk -v q="$1" '{v[NR] = $1} END {i = int(q * NR + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i]}' firsts; }
echo "{\"students\": $n, \"steps\": $steps, \"refused\": $refused, \"one_alone_s\": $(printf %.1f "$alone")," \
  "\"first_point_p50_s\": $(pick 0.5), \"first_point_p95_s\": $(pick 0.95), \"first_point_max_s\": $(pick 1)," \
  "\"last_finished_s\": $(printf %.1f "$last"), \"share_of_n_alone\": $(echo "scale=3; $last / ($n * $alone)" | bc)}"
grep -c "comparison .* failed" app.log >/dev/null && grep "comparison .* failed" app.log | head -3 || true
