#!/usr/bin/env python3
"""Issue 15: where an idle service's CPU goes, thread by thread.

With the stack up (./parus up) and settled (C1 keeps compiling for minutes after start: wait five), samples every
thread of each service JVM from /proc/<pid>/task/*/{stat,status} over a window and prints, per service, its CPU in
milliseconds per second of wall time and, per thread name (digits folded to N, Linux's 15-character names), its CPU
and context switches per second. scripts/idle-cost.sh measures whole process trees; this says which thread to look at.
Load average before and after, as every benchmark here: above 2 before, the figures are not comparable.

    scripts/idle-threads.py [window seconds, default 90] [threads shown per service, default 8]
"""
import collections
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from stack_threads import folded, load, services  # noqa: E402

WINDOW = float(sys.argv[1]) if len(sys.argv) > 1 else 90
SHOWN = int(sys.argv[2]) if len(sys.argv) > 2 else 8
HZ = os.sysconf('SC_CLK_TCK')


def threads(pid):
    """tid -> (name with digits folded, CPU ticks, context switches)"""
    sample = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            with open(f'/proc/{pid}/task/{tid}/stat') as f:
                stat = f.read()
            with open(f'/proc/{pid}/task/{tid}/status') as f:
                switches = sum(int(line.split()[1]) for line in f if 'ctxt_switches' in line)
        except OSError:
            continue  # the thread ended
        name = folded(stat[stat.index('(') + 1:stat.rindex(')')])
        fields = stat[stat.rindex(')') + 2:].split()
        sample[tid] = (name, int(fields[11]) + int(fields[12]), switches)
    return sample


def main():
    found = services()
    if not found:
        sys.exit('no service JVM running: ./parus up')
    before_load = load()
    print(f'load average before: {before_load:.2f}' + ('  (above 2: not comparable)' if before_load > 2 else ''))
    before = {pid: threads(pid) for pid in found}
    time.sleep(WINDOW)
    after = {pid: threads(pid) for pid in found if os.path.isdir(f'/proc/{pid}')}
    for pid, service in sorted(found.items(), key=lambda item: item[1]):
        if pid not in after:
            print(f'{service}: exited during the window')
            continue
        per_name = collections.defaultdict(lambda: [0.0, 0.0])
        for tid, (name, ticks, switches) in after[pid].items():
            ticks0, switches0 = before[pid].get(tid, (name, 0, 0))[1:]
            per_name[name][0] += (ticks - ticks0) * 1000 / HZ / WINDOW
            per_name[name][1] += (switches - switches0) / WINDOW
        print(f'{service}: {sum(cpu for cpu, _ in per_name.values()):.2f} ms/s')
        for name, (cpu, switches) in sorted(per_name.items(), key=lambda item: -item[1][0])[:SHOWN]:
            print(f'   {name:17s} {cpu:6.2f} ms/s {switches:6.2f} switches/s')
    print(f'load average after: {load():.2f} (window {WINDOW:.0f} s, CPU resolution {1000 / HZ:.0f} ms)')


if __name__ == '__main__':
    main()
