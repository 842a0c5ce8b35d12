"""The running local stack's processes and threads (./parus up), for the Python benchmark scripts in scripts/."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVICE = re.compile(r'(\w+-service)/target/quarkus-app')


def services():
    """pid -> service name, for every service JVM started from this tree's build."""
    found = {}
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/cmdline', 'rb') as f:
                cmdline = f.read().decode(errors='replace')
        except OSError:
            continue
        match = SERVICE.search(cmdline)
        if match and 'java' in cmdline:
            found[pid] = match.group(1)
    return found


def first_line(path):
    try:
        with open(path) as f:
            return f.readline().strip()
    except OSError:
        return None


def children(parent):
    """pids whose parent is the given one (PostgreSQL's backends under its postmaster)."""
    found = []
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/stat') as f:
                stat = f.read()
        except OSError:
            continue
        if stat[stat.rindex(')') + 2:].split()[1] == parent:
            found.append(pid)
    return found


def components():
    """pid -> component: the services, the Kafka broker, PostgreSQL's postmaster and its backends."""
    found = services()
    broker = first_line(f'{ROOT}/.parus/data/kafka/broker.pid')
    if broker and os.path.isdir(f'/proc/{broker}'):
        found[broker] = 'kafka'
    postmaster = first_line(f'{ROOT}/.parus/data/postgres/postmaster.pid')
    if postmaster and os.path.isdir(f'/proc/{postmaster}'):
        for pid in [postmaster] + children(postmaster):
            found[pid] = 'postgresql'
    return found


def folded(name):
    """A thread name with its digits folded to N (executor-thread-3 -> executor-thread-N), to sum threads by kind."""
    return re.sub(r'\d+', 'N', name)


def thread_name(pid, tid):
    """Linux's 15-character thread name, digits folded."""
    with open(f'/proc/{pid}/task/{tid}/comm') as f:
        return folded(f.read().strip())


def load():
    with open('/proc/loadavg') as f:
        return float(f.read().split()[0])
