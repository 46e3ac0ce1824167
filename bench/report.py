#!/usr/bin/env python3
"""Prints the benchmark table from the results scripts/bench collected.

Usage: report.py RESULTS_DIR

RESULTS_DIR holds vigil-<set>.json (Google Benchmark JSON output of
match_bench) and <tool>-<set>.json (one JSON object, from hyperscan_bench and
pyahocorasick_bench.py). Figures: build and scan times are CPU seconds (the
machine is shared, so the wall clock moves with other people's load); MB/s is
10^6 bytes of article text per CPU second; "index MB" is the growth of the
resident set across the index build; "peak MB" the process's peak RSS
(names, index, build transients, corpus).

Vigil ÷ Hyperscan is, when hyperscan_bench ran with --paired, the median
ratio of its paired rounds (a Hyperscan scan, then Vigil's scans, in one
process, seconds apart), with the rounds' range; else the ratio of the two
programs' medians, measured minutes apart. Likewise OFAC → 1M, from
scaling-1m.json (match_bench --paired-with) when there is one.
"""

import glob
import json
import os
import sys

# The sets, in table order, and how the table names them.
SETS = [("ofac", "OFAC SDN literals"), ("ofac-listed", "OFAC SDN as listed"),
        ("1m", "names-1m")]
TOOLS = ["vigil", "hyperscan", "pyahocorasick"]


def load_vigil(path):
    with open(path) as f:
        data = json.load(f)
    runs = [b for b in data["benchmarks"] if b.get("aggregate_name") == "median"]
    if not runs:  # a single repetition has no aggregates
        runs = [b for b in data["benchmarks"] if b.get("run_type") == "iteration"]
    b = runs[0]
    return {
        "tool": "vigil", "names": int(b["entities"]),
        "variants": int(b["variants"]),
        "build_cpu_s": b["build_cpu_s"], "build_wall_s": b["build_wall_s"],
        "index_mb": b["index_mb"], "build_peak_mb": b["build_peak_mb"],
        "peak_rss_mb": b["peak_rss_mb"],
        "mb_per_s": b["bytes_per_second"] / 1e6,
        "hits": int(b["hits"]), "word_hits": int(b["hits"]),
        "hits_all": int(b["hits_all"]),
    }


def load(results):
    table = {}
    for path in glob.glob(os.path.join(results, "*.json")):
        tool, _, name_set = os.path.basename(path)[:-5].partition("-")
        try:
            if tool == "vigil":
                row = load_vigil(path)
            else:
                with open(path) as f:
                    row = json.load(f)
        except (OSError, ValueError, KeyError, IndexError) as e:
            print(f"report: skipping {path}: {e}", file=sys.stderr)
            continue
        table[(tool, name_set)] = row
    return table


def fmt(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    table = load(argv[1])
    lines = [
        "| tool | names set | names | build s (CPU) | index MB | peak RSS MB "
        "| scan MB/s | hits (all / whole-word) | Vigil ÷ tool |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name_set, set_title in SETS:
        vigil = table.get(("vigil", "1m" if name_set == "1m" else "ofac"))
        for tool in TOOLS:
            row = table.get((tool, name_set))
            if row is None:
                continue
            ratio = "-"
            if "paired" in row:
                p = row["paired"]
                ratio = f"{p['ratio']:.1f}x ({p['ratio_min']:.1f}-{p['ratio_max']:.1f})"
            elif vigil and tool != "vigil":
                ratio = f"{vigil['mb_per_s'] / row['mb_per_s']:.1f}x"
            if tool == "vigil":
                hits = f"{row['hits']:,} (+{row['hits_all'] - row['hits']:,} candidates)"
                names = f"{row['names']:,} ({row['variants']:,} variants)"
            else:
                hits = f"{row['hits']:,} / {row['word_hits']:,}"
                names = f"{row['names']:,}"
            index = fmt(row['index_mb'], 0)
            if "db_mb" in row:  # Hyperscan: the serialisable database alone
                index += f" (db {fmt(row['db_mb'], 0)})"
            lines.append(
                f"| {tool} | {set_title} | {names} | {fmt(row['build_cpu_s'], 2)} "
                f"({fmt(row['build_wall_s'], 2)} wall) | {index} "
                f"| {fmt(row['peak_rss_mb'], 0)} | {fmt(row['mb_per_s'], 1)} "
                f"| {hits} | {ratio} |")

    def rate(tool, name_set):
        row = table.get((tool, name_set))
        return row["mb_per_s"] if row else None

    v_ofac, v_1m = rate("vigil", "ofac"), rate("vigil", "1m")
    h_ofac, h_1m = rate("hyperscan", "ofac"), rate("hyperscan", "1m")
    v1m = table.get(("vigil", "1m"))
    targets = []

    def target(text, value, ok):
        verdict = "n/a (not measured)" if ok is None else ("met" if ok else "NOT met")
        targets.append(f"| {text} | {value} | {verdict} |")

    def versus_hyperscan(text, name_set, v, h, times):
        paired = (table.get(("hyperscan", name_set)) or {}).get("paired")
        if paired:
            apart = f"; {v / h:.1f}x apart" if v and h else ""
            target(text, f"{paired['ratio']:.1f}x: median of {paired['rounds']} paired rounds "
                   f"({paired['ratio_min']:.1f}-{paired['ratio_max']:.1f}; Vigil "
                   f"{paired['vigil_mb_per_s']:.1f} / Hyperscan "
                   f"{paired['hyperscan_mb_per_s']:.1f} MB/s){apart}",
                   paired["ratio"] >= times)
        elif v and h:
            target(text, f"{v / h:.1f}x", v >= times * h)
        else:
            target(text, "-", None)

    versus_hyperscan("Vigil ≥ 3x Hyperscan, OFAC names", "ofac", v_ofac, h_ofac, 3)
    versus_hyperscan("Vigil ≥ 20x Hyperscan, 1M names", "1m", v_1m, h_1m, 20)
    scaling = table.get(("scaling", "1m"))
    if scaling:
        apart = f"; {v_ofac / v_1m:.2f}x apart" if v_ofac and v_1m else ""
        target("OFAC → 1M costs Vigil ≤ 2x",
               f"{scaling['ratio']:.2f}x: median of {scaling['rounds']} paired rounds "
               f"({scaling['ratio_min']:.2f}-{scaling['ratio_max']:.2f}; "
               f"{scaling['other_mb_per_s']:.1f} / {scaling['mb_per_s']:.1f} MB/s){apart}",
               scaling["ratio"] <= 2)
    elif v_ofac and v_1m:
        target("OFAC → 1M costs Vigil ≤ 2x", f"{v_ofac / v_1m:.2f}x",
               v_ofac <= 2 * v_1m)
    else:
        target("OFAC → 1M costs Vigil ≤ 2x", "-", None)
    if v1m:
        target("1M-name index built in < 2 s (CPU)",
               f"{v1m['build_cpu_s']:.2f} s ({v1m['build_wall_s']:.2f} s wall)",
               v1m["build_cpu_s"] < 2)
        target("1M-name index held in < 300 MB", f"{v1m['index_mb']:.0f} MB "
               f"(build peak {v1m['build_peak_mb']:.0f} MB RSS)",
               v1m["index_mb"] < 300)
    print("\n".join(lines))
    print()
    print("| target | measured | verdict |")
    print("|---|---|---|")
    print("\n".join(targets))


if __name__ == "__main__":
    main(sys.argv)
