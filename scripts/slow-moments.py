#!/usr/bin/env python3
"""Issue 15: what the whole stack was doing when an event was slow.

The events' p99 at one order a second is decided by a few moments, and the slowest events of every consumer
tend to fall together (scripts/EventLatency.java prints each consumer's three slowest with their order's commit
time). This records every thread's CPU of every component (the services, the Kafka broker, PostgreSQL's backends)
in 100 ms steps, from the scheduler's nanosecond accounting (/proc/<pid>/task/<tid>/schedstat), while a run goes
on; afterwards it prints, for each slow event of that run's output, the CPU each component and the busiest threads
spent from 0.1 s before the order's commit to 0.4 s after, beside what an average half second of the run cost.

    scripts/slow-moments.py record SECONDS FILE                 # beside EventLatency.java, the stack up
    scripts/slow-moments.py explain FILE EVENTLATENCY_OUTPUT [slower than, ms, default 50]

The recording costs a few ms of CPU per 100 ms step; compare runs recorded the same way.
"""
import collections
import datetime
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from stack_threads import components, load, thread_name  # noqa: E402

STEP = 0.1
BEFORE, AFTER = 0.1, 0.4


def record(seconds, path):
    procs, listed = components(), time.time()
    if not procs:
        sys.exit('nothing of the stack is running: ./parus up')
    print(f'load average before: {load():.2f}')
    last, names = {}, {}  # per thread: its CPU at the last step, its name (read once: fewer reads per step)
    end = time.time() + seconds
    with open(path, 'w') as out:
        while time.time() < end:
            now = time.time()
            if now - listed > 2:  # PostgreSQL starts a backend per new connection
                procs, listed = components(), now
            for pid, component in procs.items():
                try:
                    tids = os.listdir(f'/proc/{pid}/task')
                except OSError:
                    continue
                for tid in tids:
                    try:
                        with open(f'/proc/{pid}/task/{tid}/schedstat') as f:
                            on_cpu = int(f.read().split()[0])
                        name = names.get(tid) or names.setdefault(tid, thread_name(pid, tid))
                    except OSError:
                        continue  # the thread ended
                    spent = on_cpu - last.get(tid, on_cpu)
                    last[tid] = on_cpu
                    if spent >= 100_000:
                        out.write(f'{now:.3f} {component} {name.replace(" ", "_")} {spent / 1e6:.2f}\n')
            time.sleep(max(0.0, STEP - (time.time() - now)))
    print(f'load average after: {load():.2f}')


def explain(path, latency_output, slower_than):
    samples = []
    with open(path) as f:
        for line in f:
            at, component, thread, ms = line.split()
            samples.append((float(at), component, thread, float(ms)))
    if not samples:
        sys.exit(f'{path}: no samples')
    day = datetime.datetime.fromtimestamp(samples[0][0], datetime.timezone.utc).date()
    with open(latency_output) as f:
        slow = {}
        for match in re.finditer(r'([\d.]+) at (\d\d:\d\d:\d\d\.\d+)', f.read()):
            if float(match.group(1)) > slower_than:
                slow[match.group(2)] = max(slow.get(match.group(2), 0), float(match.group(1)))
    span = samples[-1][0] - samples[0][0] + STEP
    average = collections.Counter()
    for _, component, _, ms in samples:
        average[component] += ms * (BEFORE + AFTER) / span
    print(f'an average {BEFORE + AFTER:.1f} s of the run: {sum(average.values()):.0f} ms of CPU: '
          + ' '.join(f'{c} {ms:.0f}' for c, ms in average.most_common()))
    moments = []  # one order's events reach every consumer: slow events within 50 ms of each other are one moment
    for hms, ms in sorted(slow.items()):
        start = datetime.datetime.combine(day, datetime.time.fromisoformat(hms), datetime.timezone.utc).timestamp()
        if moments and start - moments[-1][1] < 0.05:
            moments[-1][2] = max(moments[-1][2], ms)
        else:
            moments.append([hms, start, ms])
    for hms, start, ms in moments:
        if not samples[0][0] <= start <= samples[-1][0]:
            print(f'{hms} (slowest event {ms:.1f} ms): outside the recording')
            continue
        by_component, by_thread = collections.Counter(), collections.Counter()
        for at, component, thread, spent in samples:
            if start - BEFORE <= at < start + AFTER:
                by_component[component] += spent
                by_thread[f'{component}/{thread}'] += spent
        print(f'{hms} (slowest event {ms:.1f} ms): {sum(by_component.values()):.0f} ms of CPU: '
              + ' '.join(f'{c} {v:.0f}' for c, v in by_component.most_common()))
        print('    busiest threads: ' + ', '.join(f'{t} {v:.0f}' for t, v in by_thread.most_common(8)))


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == 'record':
        record(float(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'explain':
        explain(sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 50)
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
