"""Helpers of scripts/bench-throughput.sh.

capture <pg.log> <from line> <out.sql>: the SELECTs the application role sent in the log lines after <from line>
(log_line_prefix '%u|'), with their logged parameters written in, as the bare reference's script of one page.
wrk <wrk output>: "req/s p50_ms p99_ms errors" from `wrk --latency`.
"""
import re
import sys


def capture(log, start, out):
    lines = open(log, encoding="utf-8", errors="replace").read().splitlines()[int(start):]
    entries = []  # (user, kind, text)
    for line in lines:
        m = re.match(r"^([a-z_]*)\|(LOG|DETAIL|STATEMENT|ERROR|WARNING|FATAL):\s+(.*)$", line)
        if m:
            entries.append([m.group(1), m.group(2), m.group(3)])
        elif entries:
            entries[-1][2] += "\n" + line.lstrip("\t")
    statements = []
    for i, (user, kind, text) in enumerate(entries):
        m = re.match(r"^(?:execute [^:]*|statement): (.*)$", text, re.S)
        if user != "gn_app" or kind != "LOG" or not m:
            continue
        sql = m.group(1).strip()
        if i + 1 < len(entries) and entries[i + 1][1] == "DETAIL" and entries[i + 1][2].lower().startswith("parameters:"):
            params = dict(re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", entries[i + 1][2]))
            sql = re.sub(r"\$(\d+)\b", lambda p: params.get(p.group(1), p.group(0)), sql)
        if re.match(r"^(SELECT|WITH)\b", sql, re.I) and "set_config" not in sql:
            statements.append(sql)
    open(out, "w", encoding="utf-8").write("\n--\n".join(statements) + "\n")
    return len(statements)


def wrk(path):
    text = open(path, encoding="utf-8").read()
    unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}

    def pct(p):
        m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M)
        return float(m.group(1)) * unit[m.group(2)] if m else float("nan")

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
    errors += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
    print(f"{rps:.0f} {pct(50):.1f} {pct(99):.1f} {errors}")


if __name__ == "__main__":
    if sys.argv[1] == "capture":
        print(capture(*sys.argv[2:5]))
    else:
        wrk(sys.argv[2])
