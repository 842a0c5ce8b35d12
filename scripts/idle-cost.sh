#!/usr/bin/env bash
# Issue 15: what the local stack costs when nobody uses it. With the stack up (./parus up) and settled, samples
# the CPU time of each component (its whole process tree; the launcher alone, as it is the parent of Kafka and
# PostgreSQL) over a window, and prints milliseconds of CPU per second of wall time and the memory (RSS, PSS)
# of each. Goal: an idle service under 5 ms/s. Load average before and after as every benchmark here
# (scripts/lib/quiet-machine.sh: above 2 before, the figures are not comparable).
#
#   scripts/idle-cost.sh [window seconds, default 30] [settle seconds, default 20]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WINDOW=${1:-30}
SETTLE=${2:-20}
SERVICES=(customer-service order-service callcenter-service fulfillment-service notification-service)
RUN=$ROOT/.parus/run
DATA=$ROOT/.parus/data
# shellcheck source=lib/quiet-machine.sh
. "$ROOT/scripts/lib/quiet-machine.sh"
# shellcheck source=lib/stack-procs.sh
. "$ROOT/scripts/lib/stack-procs.sh"

[[ -f $RUN/infra.pid ]] || { echo "the stack is not up: ./parus up" >&2; exit 1; }
sleep "$SETTLE"
quiet_machine_before
HZ=$(getconf CLK_TCK)
declare -A pids start
while read -r name pid; do
    if [[ $name == launcher* ]]; then pids[$name]=$pid; else pids[$name]=$(tree "$pid" | tr '\n' ' '); fi
    # shellcheck disable=SC2086
    start[$name]=$(cpu_ticks ${pids[$name]})
done < <(components)
sleep "$WINDOW"
echo "[bench] idle stack over $WINDOW s (after $SETTLE s settling): CPU per second of wall time, memory now"
total=0
while read -r name _; do
    # shellcheck disable=SC2086
    used=$(( $(cpu_ticks ${pids[$name]}) - ${start[$name]} ))
    total=$((total + used))
    # shellcheck disable=SC2086
    read -r rss pss <<<"$(mem ${pids[$name]})"
    awk -v n="$name" -v t="$used" -v hz="$HZ" -v w="$WINDOW" -v r="$rss" -v p="$pss" \
        'BEGIN { printf "[bench]   %-22s %6.1f ms/s   RSS %4d MB   PSS %4d MB\n", n, t * 1000 / hz / w, r / 1024, p / 1024 }'
done < <(components)
awk -v t="$total" -v hz="$HZ" -v w="$WINDOW" 'BEGIN { printf "[bench]   %-22s %6.1f ms/s\n", "total", t * 1000 / hz / w }'
quiet_machine_after
