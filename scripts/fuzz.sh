#!/usr/bin/env bash
# Issue 8's API fuzzer, long form: [count] requests (default 10000) with seed [seed] (default 8) against the five
# packaged services, driven by their OpenAPI documents (system-tests' ApiFuzzTest; the normal suite runs 1,500).
# Prints requests per service, statuses seen and every violation (5xx, a 4xx without a problem body, a rejected
# request that changed data); the full list goes to system-tests/target/fuzz-report.txt.
#
#   scripts/fuzz.sh [count, default 10000] [seed, default 8]
#
# Needs the services packaged (mvn -B -DskipTests package). Starts its own broker, database and services
# (system-tests' RunningStack) on free ports; the services' logs are in system-tests/target/logs/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT/system-tests"
mkdir -p target
status=0
mvn -B -ntp -q test -Dtest=ApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dparus.fuzz.count="${1:-10000}" -Dparus.fuzz.seed="${2:-8}" -Dparus.fuzz.max-reported=50 \
  > target/fuzz-mvn.log 2>&1 || status=$?
grep -a -E '^\[(fuzz|system-tests)\]|^      (->|!!)' target/fuzz-mvn.log || tail -40 target/fuzz-mvn.log
echo "full report: $ROOT/system-tests/target/fuzz-report.txt (maven output: system-tests/target/fuzz-mvn.log)"
exit $status
