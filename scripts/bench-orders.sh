#!/usr/bin/env bash
# Issue 8's order-placement benchmark: POST /orders against the packaged order-service (N clients, closed loop,
# then 70 % of that rate), and pgbench with the same transaction shape on the same PostgreSQL, with the ratio.
# After the warm-up it idles 10 s (-Dparus.bench.idle) to measure each process's fixed CPU per second, and prints
# the CPU per order both as measured and net of that (at a few orders per second the fixed part dominates).
# Figures go to docs/performance.md, with the load average before and after (scripts/lib/quiet-machine.sh: above 2
# before the run they are marked not comparable; PARUS_BENCH_REQUIRE_QUIET=1 refuses to run).
#
#   scripts/bench-orders.sh [clients, default 16] [seconds per phase, default 20] [warm-up seconds, default 60]
#
# Needs the services packaged (mvn -B -DskipTests package) and pgbench (Debian: postgresql-client).
# PARUS_BENCH_JVM sets the services' JVM options (default "-Xmx256m -XX:+UseSerialGC": full JIT, unlike the tests).
# Starts its own broker, database and the two services it needs (system-tests' RunningStack), on free ports.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1; }
# shellcheck source=lib/quiet-machine.sh
. "$ROOT/scripts/lib/quiet-machine.sh"
quiet_machine_before
cd "$ROOT/system-tests"
mvn -B -ntp -q test -Dtest=OrderThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dparus.bench=true -Dparus.services=customer-service,order-service \
  -Dparus.service.jvm-options="${PARUS_BENCH_JVM:--Xmx256m -XX:+UseSerialGC}" \
  -Dparus.bench.clients="${1:-16}" -Dparus.bench.seconds="${2:-20}" \
  -Dparus.bench.warmup="${3:-60}" 2>&1 | grep -E '^\[(bench|system-tests)\]|^    |ERROR|FAIL'
quiet_machine_after
