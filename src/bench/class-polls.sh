#!/usr/bin/env bash
# A lecture hall on the live class polls, then on a training run's streams; prints one figure per line.
# Part 1 (poll): a fresh app on an H2 TCP server (so the bench can read H2's query statistics) opens a class session at
# its first poll; the lecturer and 200 students each hold /api/classes/{code}/events with their own cookie (the
# presenter key, a participant secret: class streams are capped per person), every student votes once at a random
# moment within 5 s and 20 change their answer once. Prints votes counted and the
# revealed counts, time from the last vote to the lecturer's stream showing them all, vote latency p50/p99/max, HTTP
# errors, database statements/s while voting and the app's RSS before and after. A warm-up of 300 votes on another
# session comes first. Part 2 (comparison): a second fresh app, started with losslens.streams.max-per-client=300,
# trains the objective-from-base preset while 200 streams follow it and wrk loads POST /api/breakdown for 10 s; prints
# breakdown requests/s and p99, how many streams got a point, and RSS. Exits 1 if a vote count is wrong or not every
# stream got its first event.
# Needs java 17, wrk, curl, unzip and the app's H2 version in ~/.m2. About 1.5 minutes; uses PORT to PORT+2.
#   [PORT=18100] src/bench/class-polls.sh target/losslens.jar
set -euo pipefail
jar=$(realpath "$1"); bench=$(realpath "$(dirname "$0")/ClassPollBench.java"); port=${PORT:-18100}
h2port=$((port + 1)); port2=$((port + 2))
version=$(unzip -l "$jar" | sed -n 's|.*BOOT-INF/lib/h2-\([0-9.]*\)\.jar$|\1|p')
h2=~/.m2/repository/com/h2database/h2/$version/h2-$version.jar
[[ -f $h2 ]] || { echo "no H2 $version jar at $h2" >&2; exit 2; }
work=$(mktemp -d); cd "$work"
cp "$jar" app.jar   # a rebuild of the jar mid-run must not break the app
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait; rm -rf "$work"' EXIT
started=$(date +%s)

await() {   # until the app answers, or fail if it died
  until curl -sf "http://localhost:$1/api/datasets" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { echo "the app on port $1 died:" >&2; tail -20 "$3" >&2; exit 2; }
    sleep 0.5
  done
}
errors() {   # what the app logged at ERROR and WARN level; those logged by requests and jobs after startup shown
  echo "app log: $(grep -c ' ERROR ' "$1" || true) ERROR lines, $(grep -c ' WARN ' "$1" || true) WARN lines" \
       "($(awk '/Started LossLensApplication/ {s = 1; next} s && / (ERROR|WARN) / && !/\[ *main\]/' "$1" | wc -l) after startup)"
  awk '/Started LossLensApplication/ {s = 1; next} s && / (ERROR|WARN) / && !/\[ *main\]/' "$1" | head -5 | cut -c1-300 | sed 's/^/  /'
}
stop() {   # kills one process this script started, and waits for it
  kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
}

echo "== part 1: class poll (app on port $port, H2 TCP server on port $h2port, database statistics from H2)"
mkdir part1; cd part1
java -cp "$h2" org.h2.tools.Server -tcp -tcpPort "$h2port" -ifNotExists -baseDir "$work/part1/h2" >h2.log 2>&1 &
h2server=$!; pids+=("$h2server")
# the options of the app's own spring.datasource.url, over TCP
java -Xmx1g -jar ../app.jar --server.port="$port" \
  --spring.datasource.url="jdbc:h2:tcp://localhost:$h2port/./losslens;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
  >app.log 2>&1 &
app=$!; pids+=("$app")
await "$port" "$app" app.log
rc=0
java -cp "$h2" "$bench" poll url="http://localhost:$port" pid="$app" \
  jdbc="jdbc:h2:tcp://localhost:$h2port/./losslens" students=200 window=5 changes=20 warmup=300 || rc=$?
errors app.log
stop "$app"; stop "$h2server"
cd ..

echo "== part 2: a training run's streams under explorer load (app on port $port2," \
     "started with --losslens.streams.max-per-client=300; the default is 8)"
mkdir part2; cd part2
java -Xmx1g -jar ../app.jar --server.port="$port2" --losslens.streams.max-per-client=300 >app.log 2>&1 &
app=$!; pids+=("$app")
await "$port2" "$app" app.log
cat >breakdown.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Origin"] = "http://localhost:$port2"
wrk.body = '{"prompt":"Name the capital of India.","response":"It is New Delhi.","checkpoint":"base"}'
LUA
java -cp "$h2" "$bench" comparison url="http://localhost:$port2" pid="$app" lua="$work/part2/breakdown.lua" \
  streams=200 wrk=10s || rc=$?
errors app.log
stop "$app"
cd ..
echo "total: $(( $(date +%s) - started )) s, exit status $rc"
exit "$rc"
