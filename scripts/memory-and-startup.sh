#!/usr/bin/env bash
# Issue 8: memory of every component of the local stack, idle and under load, and the time `./parus up` takes
# from a fresh data folder and warm (existing data, built jars). Figures go to docs/performance.md.
#
#   scripts/memory-and-startup.sh [orders per kind for the load, default 2000] [clients, default 4]
#
# Steps: ./parus down; the data folder .parus/data is moved aside (to .parus/data.before-<time>, never deleted);
# `./parus up` timed (fresh: Flyway migrations, topics, demo data); 20 s idle, then RSS and PSS of each
# component; the load of scripts/EventLatency.java in `stack` mode (storefront orders, the unpaid-order scan,
# the consumers in customer-, callcenter- and fulfillment-service) while the memory is sampled every 2 s (the
# peak is printed); ./parus down, `./parus up` timed again (warm); ./parus down.
# Needs the stack built (./parus up --build, or mvn -B -DskipTests package). In a git worktree without a build,
# PARUS_ARTIFACTS_FROM=<a built checkout> copies the packaged services and the launcher from there (read only).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ORDERS=${1:-2000}
CLIENTS=${2:-4}
SERVICES=(customer-service order-service callcenter-service fulfillment-service notification-service)
RUN=$ROOT/.parus/run
DATA=$ROOT/.parus/data
CP="local-infra/launcher/target/launcher-lib/*:local-infra/launcher/target/classes"

if [[ -n ${PARUS_ARTIFACTS_FROM:-} ]]; then
    for svc in "${SERVICES[@]}"; do
        if [[ ! -f $svc/target/quarkus-app/quarkus-run.jar ]]; then
            mkdir -p "$svc/target" && cp -r "$PARUS_ARTIFACTS_FROM/$svc/target/quarkus-app" "$svc/target/"
        fi
    done
    if [[ ! -d local-infra/launcher/target/launcher-lib ]]; then
        mkdir -p local-infra/launcher/target
        cp -r "$PARUS_ARTIFACTS_FROM/local-infra/launcher/target/"{launcher-lib,classes} local-infra/launcher/target/
        cp "$PARUS_ARTIFACTS_FROM"/local-infra/launcher/target/launcher-[0-9]*.jar local-infra/launcher/target/
    fi
    if [[ ! -e local-infra/kafka-dist/target/kafka-lib ]]; then
        mkdir -p local-infra/kafka-dist/target
        ln -s "$PARUS_ARTIFACTS_FROM/local-infra/kafka-dist/target/kafka-lib" local-infra/kafka-dist/target/kafka-lib
    fi
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# shellcheck source=lib/quiet-machine.sh
. "$ROOT/scripts/lib/quiet-machine.sh"

# shellcheck source=lib/stack-procs.sh
. "$ROOT/scripts/lib/stack-procs.sh"
# one line per component: name rss_kb pss_kb
sample() {
    local name pid
    components | while read -r name pid; do
        if [[ $name == launcher* ]]; then echo "$name $(mem "$pid")"; else echo "$name $(mem $(tree "$pid"))"; fi
    done
}
table() { # file of samples -> peak per component
    awk '{ if ($2 > rss[$1]) rss[$1] = $2; if ($3 > pss[$1]) pss[$1] = $3; if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 } }
         END { for (i = 0; i < n; i++) { c = order[i]; printf "  %-22s RSS %5d MB   PSS %5d MB\n", c, rss[c] / 1024, pss[c] / 1024
               trss += rss[c]; tpss += pss[c] } printf "  %-22s RSS %5d MB   PSS %5d MB\n", "total", trss / 1024, tpss / 1024 }' "$1"
}
timed_up() {
    local t0 t1
    t0=$(now_ms)
    ./parus up >"$TMP/up-$1.log" 2>&1 || { tail -n 40 "$TMP/up-$1.log"; exit 1; }
    t1=$(now_ms)
    printf '%s: ./parus up took %d.%d s (load average before %s, after %s)\n' "$1" $(((t1 - t0) / 1000)) \
        $(((t1 - t0) % 1000 / 100)) "$LOAD_BEFORE" "$(loadavg)"
}

TMP=$(mktemp -d)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
./parus down >/dev/null 2>&1 || true
quiet_machine_before
if [[ -d $DATA ]]; then
    aside="$DATA.before-$(date +%Y%m%d-%H%M%S)"
    mv "$DATA" "$aside"
    echo "existing data moved aside to $aside"
fi
LOAD_BEFORE=$(loadavg)
timed_up "fresh data folder"

sleep 20
sample >"$TMP/idle"
echo "idle (20 s after up; load average $(loadavg)):"
table "$TMP/idle"

( while :; do sample >>"$TMP/load"; sleep 2; done ) &
SAMPLER=$!
echo "load: scripts/EventLatency.java $ORDERS 0 stack 500 $CLIENTS (load average $(loadavg))"
java -cp "$CP" scripts/EventLatency.java "$ORDERS" 0 stack 500 "$CLIENTS" | sed 's/^/  /' || echo "  (the load run failed)"
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
echo "under load (peak of samples every 2 s; load average at the end $(loadavg)):"
table "$TMP/load"

./parus down >/dev/null
LOAD_BEFORE=$(loadavg)
timed_up "warm (existing data, built jars)"
./parus down >/dev/null
rm -rf "$TMP"
quiet_machine_after
