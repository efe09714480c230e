#!/usr/bin/env python3
"""Write the bundled example PDF: a short, entirely fictional NGO briefing paper.

The demo corpus needs one PDF so that the PDF ingest path is exercised end to end.
This script builds it with the Python 3 standard library only (no reportlab), so
anyone can rebuild the file byte for byte:

    python3 scripts/make-example-pdf.py

Output: examples/corpus/09-osi-briefing-closing-space.pdf, a PDF 1.4 file with
uncompressed content streams, the standard Helvetica fonts in WinAnsiEncoding, a
correct cross-reference table and an /Info dictionary (Title, Author, CreationDate).
The creation date is fixed rather than "now" so that the output is reproducible.
"""

from __future__ import annotations

import os
import sys
import textwrap

TITLE = "Tarsaly: A year of closing space"
AUTHOR = "Open Steppe Institute"
SUBJECT = "Briefing paper on freedom of expression and assembly in Tarsaly"
CREATION_DATE = "D:20240215090000+06'00'"

OUT_NAME = "09-osi-briefing-closing-space.pdf"

# The briefing text. Lines starting with "# " are headings (bold); blank lines
# separate paragraphs; lines starting with "- " are list items. Everything is
# fictional: country, cities, people, organisations and laws.
TEXT = """\
# Tarsaly: A year of closing space
Open Steppe Institute – Briefing paper OSI/BP/02/2024
Kemir and Berlin, 15 February 2024

# Summary
Between March 2023 and January 2024 the authorities of the Republic of Tarsaly imprisoned the \
editor of one of the country's last independent newspapers, closed that newspaper under a new \
media law, held the leader of an unregistered opposition movement in secret for 44 days, and \
used lethal force against protesters in the mining city of Ordabay. This briefing paper \
summarises the four cases, sets out where official accounts and independent sources disagree, \
and makes recommendations to the Government of Tarsaly and to its international partners. It \
draws on interviews with lawyers and relatives, on court documents and on the work of the \
Tarsaly Bureau for Human Rights, Steppe Rights Watch and the Ordabay Civic Monitor.

# 1. The prosecution of Aigerim Sultanova
Aigerim Sultanova, editor-in-chief of the weekly Kemir Courier, was detained by police in Kemir \
on 14 March 2023. The next day she was charged under Article 174 of the Criminal Code ("inciting \
social discord") and Article 274 ("disseminating knowingly false information") in connection \
with articles about injuries and unpaid wages at the state-owned Ordabay Copper Combine. Her \
trial opened at the Kemir City Court on 2 June 2023 and was held largely in closed session. On \
21 July 2023 the court convicted her on both counts and sentenced her to five and a half years' \
imprisonment, followed by a three-year ban on journalism. The appeals chamber of the Kemir City \
Court rejected her appeal on 30 October 2023.

Ms Sultanova told the court that guards at pre-trial detention centre No. 2 in Kemir beat her \
with a truncheon on 28 March 2023. The prosecutor's office declined to open a criminal \
investigation, describing her injuries as self-inflicted. Her brother, Daulet Sultanov, was one \
of at least 15 people detained at a silent picket outside the court on the day of the verdict; \
he was released after about five hours and fined.

# 2. The disappearance of Nurlan Temirov
Nurlan Temirov, leader of the unregistered Democratic Choice of Tarsaly movement, was forced \
into a minivan by unidentified men outside his home in Shulan on the evening of 3 September \
2023. For more than six weeks the police, the prosecutor's office and the National Security \
Committee (NSC) told his family that they had no information about him. On 17 October 2023 the \
NSC informed his wife in writing that he had been held since 3 September in its investigative \
isolation facility in Kemir, on suspicion of "public calls for the violent seizure of power" \
under Article 179 of the Criminal Code. His lawyer first saw him on 20 October. Some sources \
transliterate his surname as Timirov. His detention without acknowledgement between 3 September \
and 17 October meets the definition of an enforced disappearance under international law.

# 3. The closure of the Kemir Courier
Amendments to the Law on Mass Media, signed by the President on 11 August 2023 and in force \
since 1 October 2023, introduced Article 13(2), which allows a court to close a media outlet on \
the application of the Ministry of Information after two written warnings within twelve months \
or after its editor-in-chief is convicted of an offence related to false information. On \
6 December 2023 the Kemir Specialised Inter-District Economic Court ordered the Kemir Courier \
closed, relying on both grounds. It was the first closure under the new provision.

# 4. The Ordabay protests of January 2024
Protests against a near tripling of heating tariffs began in Ordabay on 8 January 2024. On \
9 January security forces fired on protesters in and around Independence Square. The figures \
remain contested:
- The Interior Ministry says 4 people were killed, including a police officer, and that about \
120 people were detained.
- The Ordabay Civic Monitor has documented at least 12 deaths and says more than 300 people \
were detained.
- The state news agency TarsInform reported 40 dead on 10 January but withdrew the figure about \
an hour later; it should not be relied upon.
Almost 60 people were treated in hospital for injuries. Mobile internet was cut for up to 30 \
hours. Former detainees describe beatings at the Ordabay city police department and forced \
video "confessions". The Prosecutor General has entrusted the investigation to the Interior \
Ministry itself.

# Recommendations
To the Government of Tarsaly:
- release Aigerim Sultanova and Nurlan Temirov and all others detained solely for the peaceful \
exercise of their rights;
- investigate the alleged ill-treatment of Aigerim Sultanova and the enforced disappearance of \
Nurlan Temirov, and prosecute those responsible;
- establish an independent investigation, with international participation, into the killings \
in Ordabay, and publish the names of all those who died;
- repeal Article 13(2) of the Law on Mass Media and revoke the closure of the Kemir Courier;
- decriminalise "inciting social discord" and "disseminating knowingly false information" \
as currently defined in Articles 174 and 274 of the Criminal Code.

To Tarsaly's international partners:
- raise these cases publicly and at the highest level, and attend trials.

This paper is fictional and was written as example material for the casefile project.
"""

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN_X, TOP, BOTTOM = 56, 786, 60
BODY_SIZE, BODY_LEAD = 10, 14
HEAD_SIZE, HEAD_LEAD = 13, 20
WRAP = 90


def layout(text: str) -> list[list[tuple[str, str, int, int]]]:
    """Lay the text out into pages of (font, line, size, y) items."""
    items: list[tuple[str, str, int, int]] = []  # (font, text, size, leading)
    for raw in text.split("\n"):
        if raw.startswith("# "):
            items.append(("F2", raw[2:], HEAD_SIZE, HEAD_LEAD))
        elif raw.strip() == "":
            items.append(("F1", "", BODY_SIZE, BODY_LEAD // 2))
        elif raw.startswith("- "):
            wrapped = textwrap.wrap(raw[2:], WRAP - 4, break_on_hyphens=False)
            for i, w in enumerate(wrapped):
                items.append(("F1", ("- " if i == 0 else "  ") + w, BODY_SIZE, BODY_LEAD))
        else:
            for w in textwrap.wrap(raw, WRAP, break_on_hyphens=False):
                items.append(("F1", w, BODY_SIZE, BODY_LEAD))

    pages: list[list[tuple[str, str, int, int]]] = [[]]
    y = TOP
    for font, line, size, lead in items:
        if y - lead < BOTTOM:
            pages.append([])
            y = TOP
            if line == "":
                continue
        y -= lead
        pages[-1].append((font, line, size, y))
    return pages


def pdf_string(s: str) -> bytes:
    """Encode a string as a PDF literal string in WinAnsi (cp1252)."""
    b = s.encode("cp1252")
    b = b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + b + b")"


def content_stream(page: list[tuple[str, str, int, int]], number: int, total: int) -> bytes:
    out = [b"BT"]
    for font, line, size, y in page:
        if not line:
            continue
        out.append(b"/%s %d Tf 1 0 0 1 %d %d Tm %s Tj" % (font.encode(), size, MARGIN_X, y, pdf_string(line)))
    footer = f"{AUTHOR} - {TITLE} - page {number} of {total}"
    out.append(b"/F1 8 Tf 1 0 0 1 %d %d Tm %s Tj" % (MARGIN_X, 36, pdf_string(footer)))
    out.append(b"ET")
    return b"\n".join(out) + b"\n"


def build(text: str) -> bytes:
    pages = layout(text)
    n = len(pages)
    # Object numbers: 1 catalog, 2 pages, 3 F1, 4 F2, 5 info, then (page, contents) pairs.
    objects: dict[int, bytes] = {}
    page_ids = [6 + 2 * i for i in range(n)]
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    objects[5] = (
        b"<< /Title %s /Author %s /Subject %s /Creator (casefile scripts/make-example-pdf.py) "
        b"/Producer (casefile make-example-pdf.py) /CreationDate %s >>"
        % (pdf_string(TITLE), pdf_string(AUTHOR), pdf_string(SUBJECT), pdf_string(CREATION_DATE))
    )
    for i, page in enumerate(pages):
        pid, cid = page_ids[i], page_ids[i] + 1
        objects[pid] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (PAGE_W, PAGE_H, cid)
        )
        stream = content_stream(page, i + 1, n)
        objects[cid] = b"<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objects[num])
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    return bytes(out)


def main() -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, "examples", "corpus", OUT_NAME)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = build(TEXT)
    with open(path, "wb") as f:
        f.write(data)
    print(f"wrote {os.path.relpath(path, root)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
