#!/usr/bin/env bash
# Lints the published OpenAPI document with Redocly CLI's recommended rules and prints its summary. The
# security-defined rule is skipped until instructors sign in (the API has no security scheme yet). Needs java 17,
# curl and npm (Redocly CLI 2.77.0 is fetched from the npm registry into a temporary folder).
#   [PORT=18095] src/bench/openapi-lint.sh target/losslens.jar
set -euo pipefail
jar=$(realpath "$1"); port=${PORT:-18095}
work=$(mktemp -d); cd "$work"
cp "$jar" app.jar
java -Xmx1g -jar app.jar --server.port="$port" >app.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null; wait; rm -rf "$work"' EXIT
until curl -sf "http://localhost:$port/api/datasets" >/dev/null; do sleep 0.5; done
curl -sf "http://localhost:$port/v3/api-docs" >openapi.json
npm install --silent --no-audit --no-fund @redocly/cli@2.77.0 >/dev/null 2>&1
./node_modules/.bin/redocly lint openapi.json --skip-rule security-defined --format=summary 2>&1 | grep -v '[║╔╚]'
