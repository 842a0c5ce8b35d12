#!/usr/bin/env bash
# Lints the services' OpenAPI documents with Redocly CLI (version pinned in scripts/openapi-lint/package-lock.json,
# rules in scripts/openapi-lint/redocly.yaml) and fails on any error.
#
# The documents are the ones the build writes: platform sets quarkus.smallrye-openapi.store-schema-directory, so
# `mvn package` (or verify) leaves <service>/target/openapi/openapi.yaml, the document /q/openapi serves. A service
# without one is packaged first (tests skipped); nothing is started.
#
#   scripts/openapi-lint.sh                      all five services
#   scripts/openapi-lint.sh order-service ...    only these
set -euo pipefail
cd "$(dirname "$0")/.."

services=("$@")
if [ ${#services[@]} -eq 0 ]; then
  services=(customer-service order-service callcenter-service fulfillment-service notification-service)
fi

tool=scripts/openapi-lint
if [ ! -x "$tool/node_modules/.bin/redocly" ]; then
  npm ci --prefix "$tool" --no-audit --no-fund
fi

missing=()
for s in "${services[@]}"; do
  [ -f "$s/target/openapi/openapi.yaml" ] || missing+=("$s")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "no target/openapi/openapi.yaml in ${missing[*]}: packaging them (tests skipped)"
  mvn=(mvn -B -ntp -q -DskipTests package -pl "$(IFS=,; echo "${missing[*]}")" -am)
  # on a machine shared by several builds, one Maven build at a time
  if command -v flock >/dev/null 2>&1; then
    flock /tmp/parus-mvn.lock "${mvn[@]}"
  else
    "${mvn[@]}"
  fi
fi

documents=()
for s in "${services[@]}"; do
  documents+=("$s/target/openapi/openapi.yaml")
done

# no usage data sent, no update check: CI and the developers' machines lint offline
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
"$tool/node_modules/.bin/redocly" lint --config "$tool/redocly.yaml" --format=stylish "${documents[@]}"
