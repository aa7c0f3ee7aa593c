"""Runs a command N times; prints the fastest wall time in seconds and the
largest peak resident memory in KiB, for the benchmark's side-by-side.

    python3 measure.py N CMD ARGS...
"""
import os
import subprocess
import sys
import time


def main():
    n, cmd = int(sys.argv[1]), sys.argv[2:]
    best, peak = None, 0
    for _ in range(n):
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        took = time.monotonic() - t0
        if status != 0:
            sys.exit(f"measure: {cmd[0]} failed ({status})")
        best = took if best is None else min(best, took)
        peak = max(peak, usage.ru_maxrss)
    print(f"{best:.3f} {peak}")


if __name__ == "__main__":
    main()
