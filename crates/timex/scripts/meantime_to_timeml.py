#!/usr/bin/env python3
"""Converts MEANTIME (NAF/CAT XML) documents to TimeML with their gold TIMEX3, so that
timex_score.py can score casefile-timex on text it was not developed on.

Usage: meantime_to_timeml.py MEANTIME_DIR OUT_DIR

MEANTIME annotates only the first sentences of each article (title, dateline and about four
more), so the text kept is those sentences: up to the last one with any markable. The text is
rebuilt from the tokens (a space between tokens, none before closing punctuation, a line break
between sentences); the DCT is the document's CREATION_TIME TIMEX3, whose dateline stays in the
text as an ordinary gold expression.
"""
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "'", "n't", "%", "''"}
NO_SPACE_AFTER = {"(", "$", "``"}


def convert(path):
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.findall("token")]
    sentence_of = {tid: int(s) for tid, s, _ in tokens}
    markables = root.find("Markables")
    last = max(
        (sentence_of[a.get("t_id")] for m in markables for a in m.findall("token_anchor")),
        default=-1,
    )
    tokens = [t for t in tokens if int(t[1]) <= last]
    timexes, dct = [], None
    for m in markables.findall("TIMEX3"):
        ids = [a.get("t_id") for a in m.findall("token_anchor")]
        if m.get("functionInDocument") == "CREATION_TIME":
            dct = m.get("value")
        if ids:
            timexes.append((ids, m.get("type"), m.get("value")))
    starts, ends = {}, {}
    for n, (ids, ty, val) in enumerate(timexes):
        starts.setdefault(ids[0], []).append((n, ty, val))
        ends.setdefault(ids[-1], []).append(n)
    out, prev_sentence, prev_tok = [], None, None
    for tid, sentence, text in tokens:
        if prev_sentence is not None:
            if sentence != prev_sentence:
                out.append("\n")
            elif text not in NO_SPACE_BEFORE and prev_tok not in NO_SPACE_AFTER:
                out.append(" ")
        for n, ty, val in starts.get(tid, []):
            out.append(f'<TIMEX3 tid="t{n + 1}" type="{ty}" value="{escape(val or "")}">')
        out.append(escape(text))
        out.extend("</TIMEX3>" for _ in ends.get(tid, []))
        prev_sentence, prev_tok = sentence, text
    dct_tag = (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">'
        f"{dct}</TIMEX3></DCT>\n"
        if dct
        else ""
    )
    return f'<?xml version="1.0" ?>\n<TimeML>\n{dct_tag}<TEXT>\n{"".join(out)}\n</TEXT>\n</TimeML>\n'


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    n = 0
    for dirpath, _, files in os.walk(src):
        for f in sorted(files):
            if f.endswith(".xml"):
                name = f[:-4].split("_")[0] + ".tml"
                with open(os.path.join(dst, name), "w", encoding="utf-8") as out:
                    out.write(convert(os.path.join(dirpath, f)))
                n += 1
    print(f"{n} documents -> {dst}")


if __name__ == "__main__":
    main()
