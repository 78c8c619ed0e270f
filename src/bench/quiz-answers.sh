#!/usr/bin/env bash
# Loads POST /api/quiz/items/{id}/answers (grading, a durable insert and the mastery read) with wrk and prints wrk's
# figures: requests/s and latency percentiles. LEARNERS=many (the default) gives each request a new learner, the
# worst case for the index; LEARNERS=class spreads the answers over 200 learners, as a lecture hall would;
# LEARNERS=one sends every answer as one learner (whose history grows by thousands). Needs wrk and curl.
#   [DATASOURCE=jdbc-url] src/bench/quiz-answers.sh target/losslens.jar [item] [body]
set -euo pipefail
jar=$(realpath "$1"); item=${2:-contrast-team-phases}; body=${3:-'{"choices": [0]}'}; port=${PORT:-18083}
work=$(mktemp -d); cd "$work"
java -Xmx1g -jar "$jar" --server.port="$port" ${DATASOURCE:+--spring.datasource.url="$DATASOURCE"} >app.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
url="http://localhost:$port"
until curl -sf "$url/api/datasets" >/dev/null; do sleep 0.5; done
cookie=$(curl -s -D - -o /dev/null "$url/api/quiz/items/$item" | tr -d '\r' | sed -n 's/^Set-Cookie: \(losslens-learner=[^;]*\).*/\1/p')
cat >answer.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "$cookie"
wrk.body = '$body'
local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local function secret(seed)
  if seed then math.randomseed(seed) end
  local picked = {}
  for i = 1, 43 do
    local k = math.random(1, 64)
    picked[i] = chars:sub(k, k)
  end
  return "losslens-learner=" .. table.concat(picked)
end
local class = {}
for learner = 1, 200 do class[learner] = secret(learner) end
math.randomseed(os.time())
request = function()
  if "${LEARNERS:-many}" == "many" then
    wrk.headers["Cookie"] = secret()
  elseif "${LEARNERS:-many}" == "class" then
    wrk.headers["Cookie"] = class[math.random(1, 200)]
  end
  return wrk.format()
end
LUA
wrk -t2 -c16 -d5s -s answer.lua "$url/api/quiz/items/$item/answers" >/dev/null   # warm-up
wrk -t2 -c16 -d10s --latency -s answer.lua "$url/api/quiz/items/$item/answers"
