#!/usr/bin/python3
"""pyahocorasick as the peer a user would try instead of Vigil: an Automaton
over the lower-cased names, iterated over each lower-cased article. Prints one
JSON object with build time, memory, scan throughput and hit counts.

Usage: pyahocorasick_bench.py --corpus FILE --names FILE [--label NAME] [--reps N]

Lower-casing each article is part of the timed scan (a caller has to do it);
decoding the file from UTF-8 is not (the other tools get bytes in memory too).
Throughput is UTF-8 bytes of the articles per CPU second, as for the others.
Every occurrence is reported, inside words too; the whole-word count is
computed alongside, for comparison with Vigil.
"""

import argparse
import json
import resource
import sys
import time

import ahocorasick


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def split_articles(corpus):
    """Articles are separated by a blank line, as in bench_util.h."""
    return [a for a in corpus.split("\n\n") if a]


def scan(automaton, articles):
    hits = 0
    word_hits = 0
    for article in articles:
        text = article.lower()
        n = len(text)
        for end, length in automaton.iter(text):
            hits += 1
            start = end - length + 1
            # Same word characters as bench_util.h's IsWordByte: ASCII
            # letters and digits, and anything non-ASCII.
            if start > 0:
                c = text[start - 1]
                if not c.isascii() or c.isalnum():
                    continue
            if end + 1 < n:
                c = text[end + 1]
                if not c.isascii() or c.isalnum():
                    continue
            word_hits += 1
    return hits, word_hits


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--names", required=True)
    parser.add_argument("--label", default="names")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()

    with open(args.names, encoding="utf-8") as f:
        names = [line.rstrip("\r\n") for line in f]
    names = [n for n in names if n]

    rss_before = rss_mb()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for name in names:
        key = name.lower()
        automaton.add_word(key, len(key))
    automaton.make_automaton()
    build_cpu = time.process_time() - cpu0
    build_wall = time.perf_counter() - wall0
    index_mb = rss_mb() - rss_before
    build_peak_mb = peak_rss_mb()

    with open(args.corpus, encoding="utf-8") as f:
        articles = split_articles(f.read())
    nbytes = sum(len(a.encode("utf-8")) for a in articles)

    cpu_times, wall_times = [], []
    hits = word_hits = 0
    for _ in range(max(1, args.reps)):
        c0, w0 = time.process_time(), time.perf_counter()
        hits, word_hits = scan(automaton, articles)
        cpu_times.append(time.process_time() - c0)
        wall_times.append(time.perf_counter() - w0)
    cpu = sorted(cpu_times)[len(cpu_times) // 2]
    wall = sorted(wall_times)[len(wall_times) // 2]

    json.dump({
        "tool": "pyahocorasick", "label": args.label, "names": len(names),
        "build_cpu_s": round(build_cpu, 3), "build_wall_s": round(build_wall, 3),
        "index_mb": round(index_mb, 1), "build_peak_mb": round(build_peak_mb, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1), "bytes": nbytes,
        "articles": len(articles), "scan_cpu_s": round(cpu, 4),
        "scan_wall_s": round(wall, 4), "mb_per_s": round(nbytes / 1e6 / cpu, 2),
        "hits": hits, "word_hits": word_hits, "reps": max(1, args.reps),
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
