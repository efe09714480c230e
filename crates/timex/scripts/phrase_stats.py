#!/usr/bin/env python3
"""How the gold and the system treat every occurrence of a phrase, to pick the majority convention.

Usage: phrase_stats.py GOLD_DIR SYSTEM_DIR REGEX [-v]

For each match of REGEX in the text of every file (tags removed, as the scorer reads it), counts
whether a gold TIMEX3 and a system TIMEX3 overlap it: GS (both), G- (gold only: a miss), -S
(system only: an extra), -- (neither), and lists the gold values found. With -v, one line per
occurrence with both values and the context. Example:

    crates/timex/eval.sh /tmp/te
    python3 crates/timex/scripts/phrase_stats.py /tmp/te/gold /tmp/te/system '\\b[Rr]ecent\\b' -v
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "eval"))
from timex_score import timexes  # noqa: E402


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    if len(args) != 3:
        raise SystemExit(__doc__)
    gold_dir, sys_dir, regex = args
    pat = re.compile(regex)
    kinds = collections.Counter()
    values = collections.Counter()
    for f in sorted(x for x in os.listdir(gold_dir) if x.endswith(".tml")):
        text, gold = timexes(os.path.join(gold_dir, f))
        _, system = timexes(os.path.join(sys_dir, f))
        for m in pat.finditer(text):
            g = [x for x in gold if x[0] < m.end() and m.start() < x[1]]
            s = [x for x in system if x[0] < m.end() and m.start() < x[1]]
            kind = ("G" if g else "-") + ("S" if s else "-")
            kinds[kind] += 1
            if g:
                values[g[0][3]] += 1
            if verbose:
                gv = f"{text[g[0][0]:g[0][1]]!r} {g[0][3]}" if g else ""
                sv = f"{text[s[0][0]:s[0][1]]!r} {s[0][3]}" if s else ""
                ctx = text[max(0, m.start() - 50):m.end() + 40].replace("\n", " ")
                print(f"{kind} {f} | gold {gv} | ours {sv} | {ctx}")
    print(dict(kinds))
    print(values.most_common(12))


if __name__ == "__main__":
    main()
