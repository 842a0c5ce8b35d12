# Sourced by the benchmark scripts that look at the running local stack (./parus up): which processes make up
# each component, and their memory and CPU. Expects RUN (.parus/run), DATA (.parus/data) and SERVICES set.

# pids of a process and its descendants
tree() {
    ps -A -o pid= -o ppid= | awk -v root="$1" '{ parent[$1] = $2 } END { for (p in parent) { q = p
        for (d = 0; q != "" && q != 0 && d < 50; d++) { if (q == root) { print p; break } q = parent[q] } } }'
}
# "rss_kb pss_kb" of a list of pids
mem() {
    local rss=0 pss=0 pid r p
    for pid in "$@"; do
        [[ -r /proc/$pid/smaps_rollup ]] || continue
        r=$(awk '/^Rss:/ { print $2; exit }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
        p=$(awk '/^Pss:/ { print $2; exit }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
        rss=$((rss + ${r:-0})) pss=$((pss + ${p:-0}))
    done
    echo "$rss $pss"
}
# CPU time (user + system, in clock ticks) of a list of pids, their exited children's included
cpu_ticks() {
    local total=0 pid t
    for pid in "$@"; do
        [[ -r /proc/$pid/stat ]] || continue
        # fields after the command name (which may hold spaces): utime stime cutime cstime are 14-17
        t=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 + $14 + $15 }')
        total=$((total + ${t:-0}))
    done
    echo "$total"
}
first_line_pid() { [[ -f $1 ]] && head -n 1 "$1" | tr -d '[:space:]' || true; }
# one line per component: its name, then the root pid of its process tree
components() {
    local kafka pg svc
    echo "launcher(smtp) $(cat "$RUN/infra.pid")"
    kafka=$(first_line_pid "$DATA/kafka/broker.pid")
    pg=$(first_line_pid "$DATA/postgres/postmaster.pid")
    [[ -n $kafka ]] && echo "kafka $kafka"
    [[ -n $pg ]] && echo "postgresql $pg"
    for svc in "${SERVICES[@]}"; do
        echo "$svc $(cat "$RUN/$svc.pid")"
    done
}
