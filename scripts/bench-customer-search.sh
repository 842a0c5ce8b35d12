#!/usr/bin/env bash
# Customer search over one million customers (issues 4 and 17): customer-service's CustomerMillionBenchTest generates
# 1,000,000 customers in the tests' embedded PostgreSQL, then prints p50/p90/p99 of GET /customers?q= per kind of
# query (the head's; a MANAGER's and a DEPUTY's common surname, R24/R22), EXPLAIN (ANALYZE, BUFFERS) of the search's
# statement for a common surname, and the R14 dormancy scan. The load average is printed before and after
# (scripts/lib/quiet-machine.sh: above 2 before the run the figures are marked not comparable;
# PARUS_BENCH_REQUIRE_QUIET=1 refuses to run). The BENCH lines are also written to
# customer-service/target/bench-customer-million.txt.
#
#   scripts/bench-customer-search.sh [extra Maven arguments, e.g. -o -Dparus.bench.dormancy=false]
#
# Needs platform installed in ~/.m2 (mvn -B -ntp -DskipTests install -pl platform,platform-testing). About 5 min.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/quiet-machine.sh
. "$ROOT/scripts/lib/quiet-machine.sh"
quiet_machine_before
cd "$ROOT"
PARUS_TEST_INFRA=${PARUS_TEST_INFRA:-local} mvn -B -ntp -pl customer-service test -Dtest=CustomerMillionBenchTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dparus.bench=true "$@" 2>&1 | grep -E '^BENCH|ERROR|FAIL|Tests run:'
quiet_machine_after
