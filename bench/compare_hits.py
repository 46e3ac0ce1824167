#!/usr/bin/python3
"""Compares Vigil's hits (match_bench --dump) with the whole-word hits of the
same names found as caseless literals (what Hyperscan and pyahocorasick find,
kept only where the hit lies on word boundaries), and prints where they
differ, so the hit counts in the table can be explained.

Usage: compare_hits.py NAMES CORPUS VIGIL_DUMP
"""

import collections
import sys

import ahocorasick


def literal_hits(names_path, corpus_path):
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    with open(names_path, encoding="utf-8") as f:
        for line in f:
            name = line.rstrip("\r\n").lower()
            if name:
                automaton.add_word(name, len(name))
    automaton.make_automaton()
    with open(corpus_path, encoding="utf-8") as f:
        articles = [a for a in f.read().split("\n\n") if a]
    hits = set()  # (article, byte start, byte end)
    for i, article in enumerate(articles):
        text = article.lower()
        if len(text) != len(article):
            text = "".join(c.lower() if len(c.lower()) == 1 else c for c in article)
        for end, length in automaton.iter(text):
            start = end - length + 1
            if start > 0 and (not text[start - 1].isascii() or text[start - 1].isalnum()):
                continue
            if end + 1 < len(text) and (not text[end + 1].isascii() or text[end + 1].isalnum()):
                continue
            b = len(article[:start].encode("utf-8"))
            hits.add((i, b, b + len(article[start:end + 1].encode("utf-8"))))
    return hits


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    literal = literal_hits(argv[1], argv[2])
    vigil = {}  # (article, start, end) -> (alert, matched, name)
    with open(argv[3], encoding="utf-8") as f:
        for line in f:
            article, start, end, alert, matched, name = line.rstrip("\n").split("\t")
            vigil[(int(article), int(start), int(end))] = (alert == "1", matched, name)
    alerts = {k for k, v in vigil.items() if v[0]}
    print(f"whole-word literal hits: {len(literal):,}; Vigil: {len(alerts):,} alerts "
          f"+ {len(vigil) - len(alerts):,} candidates")
    print(f"  same span in both: {len(literal & alerts):,} as alerts, "
          f"{len(literal & (set(vigil) - alerts)):,} as candidates")
    missed = literal - set(vigil)
    print(f"  literal hits Vigil does not report with the same span: {len(missed):,}")
    extra = collections.Counter(
        (vigil[k][1], vigil[k][2]) for k in alerts - literal)
    print(f"  Vigil alerts that are not literal hits: {sum(extra.values()):,}; most frequent "
          "(text -> listed literal):")
    for (matched, name), n in extra.most_common(12):
        print(f"    {n:5}  {matched!r} -> {name!r}")


if __name__ == "__main__":
    main(sys.argv)
