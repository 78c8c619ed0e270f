#!/usr/bin/env bash
# The largest body the app reads and how fast it refuses bigger ones: a body of exactly the cap, one byte over,
# and 100 MB declared up front or streamed without a length. Prints status and curl's total time. Needs curl.
#   src/bench/body-limits.sh target/losslens.jar
set -euo pipefail
jar=$(realpath "$1"); port=${PORT:-18150}
work=$(mktemp -d); cd "$work"
java -Xmx512m -jar "$jar" --server.port="$port" >app.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://localhost:$port/api/datasets" >/dev/null; do sleep 0.5; done
body() {  # a JSON breakdown request of exactly $1 bytes
  local pad=$(( $1 - 29 ))
  printf '{"prompt":"%s","response":"ok"}' "$(head -c "$pad" /dev/zero | tr '\0' a)"
}
url="http://localhost:$port/api/breakdown"
for size in 65536 65537; do
  body "$size" >body.json
  echo "$(stat -c %s body.json) bytes: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' \
    -H 'Content-Type: application/json' --data-binary @body.json "$url")"
done
head -c 100000000 /dev/zero | tr '\0' a >big
echo "100 MB declared: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -H 'Content-Type: application/json' \
  --data-binary @big "$url" || true)"
echo "100 MB streamed: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -H 'Content-Type: application/json' \
  -H 'Transfer-Encoding: chunked' --data-binary @big "$url" || true)"
echo "heap after: $(jcmd $app GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|total/ {print; exit}')"
