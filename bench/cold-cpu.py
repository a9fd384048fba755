#!/usr/bin/env python3
"""CPU per cold render, as h28p measured it (bench/README, sessions 29 and 30).

  bench/cold-cpu.py PORT DATABASE JVM_PID PATH ROUNDS PAIRS [AGENCIES_FILE]
  (CHANGE=file SUBMISSION_TEMPLATE=FILE: a filing for 2024 instead of a rename)

One connection: PAIRS renames of one of AGENCIES_FILE's agencies (PATCH of its name, a new name
each time; default 深圳市's first 200), each followed by a GET of PATH (Accept: text/html), then
PAIRS renames alone; ROUNDS times. With CHANGE=file the change is a new revision of the agency's
2024 report instead (bench/submit.lua's template, its published-items total new each time). Between the marks, the CPU of the service's JVM (/proc/JVM_PID/stat) and of DATABASE's
PostgreSQL backends (pg_stat_activity, /proc/<pid>/stat), in clock ticks. The render's CPU is a
pair's less a rename's. Prints one line per round and their medians.
"""
import http.client
import os
import statistics
import subprocess
import sys
import time

TOKEN = "bench-admin-token-0123456789abcdef0123456789abcdef"
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (FileNotFoundError, ProcessLookupError):
        return 0


def backends(database):
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
         f"select pid from pg_stat_activity where datname = '{database}'"
         " and pid <> pg_backend_pid()", database],
        capture_output=True, text=True, check=True).stdout
    return {int(p) for p in out.split()}


def sample(jvm, database):
    pids = backends(database)
    return ticks(jvm), {p: ticks(p) for p in pids}


def delta(before, after):
    jvm = after[0] - before[0]
    pg = sum(after[1][p] - before[1].get(p, 0) for p in after[1])
    return jvm, pg


def main():
    port, database, jvm, path = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    rounds, pairs = int(sys.argv[5]), int(sys.argv[6])
    codes = open(sys.argv[7]).read().split() if len(sys.argv) > 7 else None
    if not codes:
        codes = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
             "select code from agency where division_code = '440300' order by id limit 200",
             database], capture_output=True, text=True, check=True).stdout.split()
    conn = http.client.HTTPConnection("127.0.0.1", port)
    n = [int(time.time()) % 100000 * 1000]

    template = None
    if os.environ.get("CHANGE") == "file":
        template = open(os.environ["SUBMISSION_TEMPLATE"]).read()

    def rename():
        n[0] += 1
        if template is not None:
            conn.request("PUT", "/api/v1/agencies/%s/reports/2024" % codes[n[0] % len(codes)],
                         template.replace("__N__", str(100000 + n[0] % 800000)).encode(),
                         {"Content-Type": "application/json",
                          "Authorization": "Bearer " + TOKEN})
            r = conn.getresponse()
            r.read()
            assert r.status < 300, r.status
            return
        body = ('{"name": "基准更名机关%d"}' % n[0]).encode()
        conn.request("PATCH", "/api/v1/agencies/" + codes[n[0] % len(codes)], body,
                     {"Content-Type": "application/merge-patch+json",
                      "Authorization": "Bearer " + TOKEN})
        r = conn.getresponse()
        r.read()
        assert r.status < 300, r.status

    def page():
        conn.request("GET", path, headers={"Accept": "text/html"})
        r = conn.getresponse()
        r.read()
        assert r.status == 200, r.status

    def run(with_page):
        before = sample(jvm, database)
        for _ in range(pairs):
            rename()
            if with_page:
                page()
        return delta(before, sample(jvm, database))

    for _ in range(pairs):  # unmeasured: the JVM compiles the paths
        rename()
        page()
    renders = []
    for r in range(rounds):
        load = os.getloadavg()[0]
        pj, pp = run(True)
        rj, rp = run(False)
        jvm_ms = (pj - rj) * TICK_MS / pairs
        pg_ms = (pp - rp) * TICK_MS / pairs
        renders.append((jvm_ms, pg_ms))
        print(f"round {r + 1}: load {load:.1f}: pair JVM {pj * TICK_MS / pairs:.1f} PG "
              f"{pp * TICK_MS / pairs:.1f} ms; rename JVM {rj * TICK_MS / pairs:.1f} PG "
              f"{rp * TICK_MS / pairs:.1f} ms; render JVM {jvm_ms:.1f} PG {pg_ms:.1f} ms",
              flush=True)
    print(f"median render: JVM {statistics.median(j for j, _ in renders):.1f} ms, "
          f"PostgreSQL {statistics.median(p for _, p in renders):.1f} ms")


if __name__ == "__main__":
    main()
