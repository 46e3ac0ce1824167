#!/usr/bin/env python3
"""Extracts the OFAC SDN names and aliases into one names file, one literal a
line, that every benchmarked tool searches for, so they all look for the same
strings.

Inputs: the SDN file (12 columns, no header, name in column 2, "-0-" = null,
CRLF, a trailing 0x1A) and the alt file (ent_num,alt_num,alt_type,alt_name,
alt_remarks). A person's name "LAST, First Middle" is written in both orders
without the comma: "First Middle LAST" and "LAST First Middle". Other names are
written as listed. Duplicates (ignoring case and runs of spaces) are dropped,
since every tool searches caselessly.

With LISTED.tsv, also writes the names as listed, "ent_num<TAB>type<TAB>name"
(type "person" or "other"; an entity's primary name first, then its aliases),
for a matcher that derives the name orders itself.

Usage: ofac_names.py SDN.csv ALT.csv OUT.txt [LISTED.tsv]
"""

import csv
import sys


def _cell(value):
    value = value.strip()
    return "" if value == "-0-" else value


def _rows(path):
    # newline="" lets csv see the CRLFs; the 0x1A end-of-file byte of the
    # SDN export is a row of its own and has too few columns.
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) >= 2:
                yield row


def literals(name, person):
    """The literals searched for one listed name."""
    name = " ".join(name.split())
    if not name:
        return []
    parts = name.split(",")
    if person and len(parts) == 2 and parts[0].strip() and parts[1].strip():
        last, first = parts[0].strip(), parts[1].strip()
        return [f"{first} {last}", f"{last} {first}"]
    return [name]


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit(__doc__)
    sdn_path, alt_path, out_path = argv[1:4]
    listed_path = argv[4] if len(argv) == 5 else None
    person = {}  # ent_num -> is an individual
    names = []  # (name, is person)
    listed = []  # (ent_num, is person, name)
    for row in _rows(sdn_path):
        if len(row) < 3:
            continue
        ent = row[0].strip()
        is_person = _cell(row[2]) == "individual"
        person[ent] = is_person
        names.append((_cell(row[1]), is_person))
        listed.append((ent, is_person, _cell(row[1])))
    orphans = 0
    for row in _rows(alt_path):
        if len(row) < 4:
            continue
        ent = row[0].strip()
        if ent not in person:
            # The alt file is newer than the SDN file: its entity is unknown
            # here. Treat a "LAST, First" alias as a person's, like a person.
            orphans += 1
        names.append((_cell(row[3]), person.get(ent, True)))
        listed.append((ent, person.get(ent, True), _cell(row[3])))

    seen = set()
    out = []
    for name, is_person in names:
        for literal in literals(name, is_person):
            key = literal.casefold()
            if key not in seen:
                seen.add(key)
                out.append(literal)
    with open(out_path, "w", encoding="utf-8") as f:
        for literal in out:
            f.write(literal + "\n")
    if listed_path:
        # Primary names come first in `listed`, so a stable sort on ent_num
        # keeps each entity's primary name ahead of its aliases.
        listed.sort(key=lambda entry: int(entry[0]))
        with open(listed_path, "w", encoding="utf-8") as f:
            for ent, is_person, name in listed:
                name = " ".join(name.split())
                if name:
                    kind = "person" if is_person else "other"
                    f.write(f"{ent}\t{kind}\t{name}\n")
    print(f"{out_path}: {len(out)} literals from {len(names)} names "
          f"({orphans} aliases of entities not in the SDN file)",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
