#!/usr/bin/env bash
# How long the server takes to check the largest upload it accepts: a JSONL file of 5000 distinct pairs (the line bound),
# each close to the 128-token context, 1.8 MB of the 2 MB allowed (words of the compact vocabulary run about 2.8 bytes
# a token, so 5000 pairs that fit the context cannot fill 2 MB); and 5000 pairs of Cyrillic, whose pieces fall back to
# bytes, the most tokenizer work per byte.
# Each is sent five times to POST /api/instructor/datasets/check as a signed-in administrator, and the median of
# curl's total time is printed (the 2 MB travel over loopback in a few milliseconds; the rest is reading, decoding,
# parsing, tokenizing and counting byte pieces). Needs curl and awk.
#   src/bench/dataset-check.sh target/losslens.jar
set -euo pipefail
jar=$(realpath "$1"); port=${PORT:-18160}; password=bench-password-$$
work=$(mktemp -d); cd "$work"
LOSSLENS_ADMIN_PASSWORD=$password java -Xmx512m -jar "$jar" --server.port="$port" \
  --spring.datasource.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" >app.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://localhost:$port/api/datasets" >/dev/null; do sleep 0.5; done
base="http://localhost:$port"

# sign in as a browser does, then take the session's CSRF token from its cookie
token=$(curl -s -c jar -b jar "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -c jar -b jar -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" "$base/login"
curl -s -c jar -b jar -o /dev/null "$base/instructor"
xsrf=$(awk '$6 == "XSRF-TOKEN" {print $7}' jar)

# 5000 distinct pairs of words from a fixed list: $2 words of prompt and $3 of response
words() {  # $1: the file of words
  awk -v max=2097152 -v words="$1" -v prompt="$2" -v response="$3" 'BEGIN {
    while ((getline w < words) > 0) list[n++] = w
    for (i = 0; i < 5000; i++) {
      p = "Question " i ":"; for (k = 0; k < prompt; k++) p = p " " list[(i * 7 + k * 13) % n]
      r = "Answer " i ":"; for (k = 0; k < response; k++) r = r " " list[(i * 11 + k * 5) % n]
      line = "{\"prompt\": \"" p "?\", \"response\": \"" r ".\"}"
      if (size + length(line) + 1 > max) { print "too large at line " i > "/dev/stderr"; exit 1 }
      size += length(line) + 1; print line
    }
  }'
}
# words of the bundled corpus, mostly whole pieces of the compact vocabulary
printf '%s\n' backwards opposite alphabetically arithmetic spelling geography shopping alphabetical practice \
  response training homework instruction capitals countries mountain questions probability question Venezuela \
  Belgrade Zimbabwe Reykjavik Lithuania Copenhagen Brussels sequence Wellington Switzerland Stockholm Portugal \
  Helsinki Bangladesh Australia different Budapest >latin.txt
printf '%s\n' модель читает каждый токен подсказки но только ответ учитывается в потере при настройке \
  > cyrillic.txt
LC_ALL=C words latin.txt 26 5 >latin.jsonl
LC_ALL=C words cyrillic.txt 3 1 >cyrillic.jsonl

check() {  # $1: file; prints the HTTP status and the median of five total times
  local times=() status
  for round in 1 2 3 4 5 6; do
    read -r status time < <(curl -s -o answer.json -w '%{http_code} %{time_total}\n' -b jar -H "X-XSRF-TOKEN: $xsrf" \
      -F title=Bench -F slug=bench -F "train=@$1;type=application/jsonl" "$base/api/instructor/datasets/check")
    [ "$round" -gt 1 ] && times+=("$time")  # the first round warms the JIT
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)
  pairs=$(grep -o '"train":[0-9]*,"heldout":[0-9]*' answer.json || grep -o '"detail":"[^"]*"\|"message":"[^"]*"' answer.json | head -3 | tr '\n' ' ')
  bytes=$(grep -o '"bytePieces":[0-9]*' answer.json | head -1 || true)
  printf '%-15s %8d bytes %5d lines  HTTP %s  median %.3f s (rounds: %s)  %s %s\n' "$1" "$(stat -c %s "$1")" \
    "$(wc -l <"$1")" "$status" "$median" "${times[*]}" "$pairs" "$bytes"
}
check latin.jsonl
check cyrillic.jsonl
