"""Python baseline for Khien's domain matcher: same semantics, idiomatic CPython.

Builds a set of lower-case domains from a one-per-line file, then for every BIND query-log line takes the
name after "query: ", lower-cases it, drops one trailing dot, and tests it and each parent (label-aligned)
against the set, most specific first. Writes the 1-based numbers of matching lines and prints one JSON
object with the timings.

Usage: python3 python_set_baseline.py INDICATORS BIND_LOG HITS_OUT
"""
import json
import sys
import time


def main():
    indicators, log_path, hits_out = sys.argv[1:4]
    t0 = time.perf_counter()
    domains = set()
    with open(indicators, "rb") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith(b"#"):
                continue
            domains.add(line.split()[0].lower().rstrip(b"."))
    t1 = time.perf_counter()
    hits = []
    lines = 0
    with open(log_path, "rb", buffering=1 << 20) as f:
        for lines, line in enumerate(f, 1):
            i = line.find(b"query: ")
            if i < 0:
                continue
            j = line.find(b" ", i + 7)
            name = line[i + 7 : j].lower()
            if name.endswith(b"."):
                name = name[:-1]
            while True:
                if name in domains:
                    hits.append(lines)
                    break
                k = name.find(b".")
                if k < 0:
                    break
                name = name[k + 1 :]
    t2 = time.perf_counter()
    with open(hits_out, "w") as out:
        out.write("\n".join(map(str, hits)))
        out.write("\n")
    print(json.dumps({"domains": len(domains), "build_s": t1 - t0, "lines": lines, "hits": len(hits), "match_s": t2 - t1}))


if __name__ == "__main__":
    main()
