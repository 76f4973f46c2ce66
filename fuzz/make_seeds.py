#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs into fuzz/seeds/<target>/.

Seeds are real examples from the repository plus the hostile inputs of
issue 16 (deep nesting, compression bombs, forms drawing themselves,
unclosed quotes, long lists), made small so each run starts from them.
Binary seeds (PDF, DOCX) are built here, so none is committed.
"""
import io
import json
import pathlib
import zipfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"


def put(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def pdf(objects):
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(entries, data):
    return b"<< " + entries + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def page_pdf(content, form=b"", compress=False):
    body = zlib.compress(content) if compress else content
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> >>",
        stream(b"/Filter /FlateDecode" if compress else b"", body),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] "
               b"/Resources << /XObject << /Fm1 6 0 R >> >>", form),
    ])


def docx(paragraphs):
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
           'openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def main():
    resumes = sorted((ROOT / "examples" / "resumes").glob("*.txt"))
    postings = sorted((ROOT / "examples" / "postings").glob("*.txt"))
    for p in resumes:
        put("resume_text", p.name, p.read_bytes())
    for p in postings:
        put("posting_text", p.name, p.read_bytes())
    put("posting_text", "list.txt", "Requirements: " + "Go, " * 200 + "Kubernetes\n")
    put("posting_text", "negated.txt", "Kubernetes " * 200 + "is not required.\n")

    lines = resumes[0].read_text().splitlines()
    put("pdf", "text.pdf", page_pdf(b"BT /F1 12 Tf 72 700 Td (" + lines[0].encode() + b") Tj ET"))
    put("pdf", "compressed.pdf", page_pdf(b"BT /F1 12 Tf 72 700 Td (Python, SQL) Tj ET", compress=True))
    put("pdf", "nested.pdf", b"%PDF-1.4\n1 0 obj\n" + b"[" * 300 + b"]" * 300 + b"\nendobj\n%%EOF\n")
    put("pdf", "self-drawing.pdf", page_pdf(b"BT (x) Tj ET /Fm1 Do", form=b"/Fm1 Do"))

    put("docx", "cv.docx", docx(lines[:12]))
    put("docx", "empty.docx", docx([]))

    formats = ROOT / "tests" / "data" / "formats"
    for p in sorted(formats.glob("*.html")):
        put("html", p.name, p.read_bytes())
    put("html", "deep-list.html", "<ul><li>Go " * 300)
    put("html", "deep-div.html", "<div>" * 300 + "<p>Python</p>" + "</div>" * 300)
    for p in sorted(formats.glob("*.jsonl")):
        put("json_lines", p.name, p.read_bytes())
    put("json_lines", "bad-line.jsonl", '{"title": "A"}\n{not json\n[1, [2, [3]]]\n')
    for p in sorted(formats.glob("*.resume.json")):
        put("json_resume", p.name, p.read_bytes())
    put("json_resume", "deep.json", "[" * 200 + "]" * 200)
    put("json_resume", "minimal.json", json.dumps({"basics": {"name": "Ana"}, "skills": [{"name": "Go"}]}))

    put("csv", "ok.csv", 'id,name,text\n1,Ana,"Java and PostgreSQL"\n2,Bo,"Go and Kubernetes"\n')
    put("csv", "unclosed.csv", 'id,name,text\n1,Ana,"Java"\n2,Bo,"unterminated\n3,Cy,"Go"\n')
    put("csv", "formula.csv", 'id,name,text\n1,=HYPERLINK("x"),"=1+1 SQL"\n')


if __name__ == "__main__":
    main()
