# Sourced by the benchmark scripts: a figure taken while anything else runs says nothing on a 2-core machine.
# quiet_machine_before records the 1-minute load average and, above PARUS_BENCH_MAX_LOAD (default 2), says the
# figures will not be comparable; with PARUS_BENCH_REQUIRE_QUIET=1 it refuses to run instead. quiet_machine_after
# prints the verdict line to copy into docs/performance.md with the figures: load before and after, and whether
# they are comparable. Only figures marked "comparable" go into docs/performance.md as measured.
PARUS_BENCH_MAX_LOAD=${PARUS_BENCH_MAX_LOAD:-2}

quiet_machine_load() { cut -d' ' -f1 /proc/loadavg; }

quiet_machine_before() {
    QUIET_LOAD_BEFORE=$(quiet_machine_load)
    QUIET_COMPARABLE=yes
    if awk -v l="$QUIET_LOAD_BEFORE" -v m="$PARUS_BENCH_MAX_LOAD" 'BEGIN { exit !(l > m) }'; then
        QUIET_COMPARABLE=no
        if [[ ${PARUS_BENCH_REQUIRE_QUIET:-0} == 1 ]]; then
            echo "[bench] refused: 1-minute load average $QUIET_LOAD_BEFORE > $PARUS_BENCH_MAX_LOAD before the run" \
                 "(something else runs; measure alone)" >&2
            exit 3
        fi
        echo "[bench] WARNING: 1-minute load average $QUIET_LOAD_BEFORE > $PARUS_BENCH_MAX_LOAD before the run:" \
             "the figures below are NOT COMPARABLE" >&2
    fi
    echo "[bench] load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
}

quiet_machine_after() {
    local verdict="comparable"
    [[ $QUIET_COMPARABLE == yes ]] || verdict="NOT COMPARABLE (load $QUIET_LOAD_BEFORE > $PARUS_BENCH_MAX_LOAD before)"
    echo "[bench] load average after: $(cut -d' ' -f1-3 /proc/loadavg); load before $QUIET_LOAD_BEFORE: $verdict"
}
