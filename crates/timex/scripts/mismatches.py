#!/usr/bin/env python3
"""Classified list of value mismatches, misses and extras of a timex run against TimeML gold.

Usage: mismatches.py GOLD_DIR SYSTEM_DIR [--class NAME]

Reads the output of `timex_score.py --verbose` semantics directly (same matching: first
overlapping unused system span), prints one line per error with the file's DCT, the gold value,
ours, and the text, grouped by a coarse class of the gold value, with counts per class.
"""
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "eval"))
from timex_score import timexes  # noqa: E402


def dct(path):
    m = re.search(r'<DCT>.*?value="([^"]+)"', open(path, encoding="utf-8").read(), re.S)
    return m.group(1) if m else "?"


def klass(text, gv, sv):
    t = text.lower()
    if "W" in gv or "W" in sv or "week" in t:
        return "week"
    if re.search(r"\bQ|quarter", gv + sv + t):
        return "quarter"
    if re.search(r"T(MO|AF|EV|NI)|MO$|AF$|EV$|NI$", gv + sv) or re.search(r"morning|afternoon|evening|night|tonight", t):
        return "time-of-day"
    if re.search(r"SP|SU|FA|WI", gv + sv) or re.search(r"spring|summer|fall|autumn|winter", t):
        return "season"
    if "REF" in gv + sv or t in ("now", "currently", "recently", "former", "then"):
        return "ref"
    if gv.startswith("P") or sv.startswith("P"):
        return "duration"
    if "ago" in t:
        return "ago"
    if re.search(r"fiscal|fy", t):
        return "fiscal"
    if re.search(r"'?\d0s|decade|centur", t):
        return "decade"
    if re.search(r"\byear\b", t):
        return "year"
    if re.fullmatch(r"\d{4}", gv) or re.fullmatch(r"\d{4}", sv):
        return "year-val"
    if re.fullmatch(r"\d{4}-\d\d", gv) or re.fullmatch(r"\d{4}-\d\d", sv):
        return "month-val"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", gv) or re.fullmatch(r"\d{4}-\d\d-\d\d", sv):
        return "day-val"
    if "T" in gv or "T" in sv:
        return "time"
    return "other"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    only = sys.argv[sys.argv.index("--class") + 1] if "--class" in sys.argv else None
    if only:
        args.remove(only)
    gold_dir, sys_dir = args
    out = defaultdict(list)
    for f in sorted(x for x in os.listdir(gold_dir) if x.endswith(".tml")):
        gp = os.path.join(gold_dir, f)
        gtext, gold = timexes(gp)
        stext, system = timexes(os.path.join(sys_dir, f))
        d = dct(gp)
        used = set()
        for gs, ge, gt, gv in gold:
            hit = next((i for i, (ss, se, _, _) in enumerate(system) if i not in used and ss < ge and gs < se), None)
            ctx = gtext[max(0, gs - 40):ge + 25].replace("\n", " ")
            if hit is None:
                out["missed"].append(f"{d} {f}: {gtext[gs:ge]!r} gold {gt} {gv} | ...{ctx}...")
                continue
            used.add(hit)
            ss, se, st, sv = system[hit]
            if sv != gv:
                k = klass(gtext[gs:ge], gv, sv)
                out[k].append(f"{d} {f}: {gtext[gs:ge]!r} gold {gt} {gv} ours {st} {sv} (ours {stext[ss:se]!r}) | ...{ctx}...")
        for i, (ss, se, st, sv) in enumerate(system):
            if i not in used:
                ctx = stext[max(0, ss - 40):se + 25].replace("\n", " ")
                out["extra"].append(f"{d} {f}: {stext[ss:se]!r} ours {st} {sv} | ...{ctx}...")
    for k in sorted(out, key=lambda k: -len(out[k])):
        if only and k != only:
            continue
        print(f"== {k}: {len(out[k])}")
        for line in out[k]:
            print("  " + line)
    print("counts: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(out.items(), key=lambda kv: -len(kv[1]))))


if __name__ == "__main__":
    main()
