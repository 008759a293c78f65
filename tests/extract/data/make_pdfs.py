#!/usr/bin/env python3
"""Writes the small PDF fixtures of the extract tests, byte for byte reproducible.

  two_pages.pdf  two pages of text in Helvetica; each page has paragraphs separated by
                 a blank line's worth of vertical space; Info has a title, an author and
                 creation and modification dates.
  encrypted.pdf  the same pages under the standard security handler (RC4, 40-bit key,
                 revision 2) with the user password "secret": it cannot be read without it.

Usage: make_pdfs.py [OUT_DIR]   (default: the folder of this script)
"""
import hashlib
import os
import struct
import sys

PAGES = [
    # (paragraphs, each a list of lines)
    [["First page, first paragraph, first line;", "and its second line."],
     ["First page, second paragraph."]],
    [["Second page, only paragraph,", "written over two lines."],
     ["Second page, closing words."]],
]
LINE_STEP = 14       # points between lines of a paragraph (12 pt text)
PARAGRAPH_STEP = 34  # points between the last line of a paragraph and the next one

PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
FILE_ID = hashlib.md5(b"citecheck extract test fixture").digest()


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def pad(password):
    return (password + PADDING)[:32]


class Security:
    """Standard security handler, revision 2 (PDF 1.7, 7.6.3.3 algorithms 2, 3, 4)."""

    def __init__(self, user, owner, permissions=-44):
        self.p = permissions
        self.o = rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
        digest = hashlib.md5(pad(user) + self.o + struct.pack("<i", self.p) + FILE_ID)
        self.key = digest.digest()[:5]
        self.u = rc4(self.key, PADDING)

    def encrypt(self, num, data):
        obj_key = hashlib.md5(self.key + struct.pack("<I", num)[:3] + b"\0\0").digest()
        return rc4(obj_key[:10], data)


def page_stream(paragraphs):
    ops = ["BT", "/F1 12 Tf", "72 720 Td"]
    first = True
    for paragraph in paragraphs:
        for k, line in enumerate(paragraph):
            if not first:
                ops.append("0 %d Td" % -(LINE_STEP if k > 0 else PARAGRAPH_STEP))
            first = False
            ops.append("(%s) Tj" % line.replace("\\", "\\\\").replace("(", "\\(")
                       .replace(")", "\\)"))
    ops.append("ET")
    return ("\n".join(ops) + "\n").encode("latin-1")


def build(security=None):
    n_pages = len(PAGES)
    # Objects: 1 catalog, 2 pages, 3 font, then per page: page, contents; then info.
    objects = {}
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = " ".join("%d 0 R" % (4 + 2 * i) for i in range(n_pages))
    objects[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages)).encode()
    objects[3] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
                  b" /Encoding /WinAnsiEncoding >>")
    for i, paragraphs in enumerate(PAGES):
        page, contents = 4 + 2 * i, 5 + 2 * i
        objects[page] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
                         " /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                         % contents).encode()
        data = page_stream(paragraphs)
        if security:
            data = security.encrypt(contents, data)
        objects[contents] = (b"<< /Length %d >>\nstream\n" % len(data)) + data + \
            b"\nendstream"
    info = None
    if not security:
        info = 4 + 2 * n_pages
        objects[info] = (b"<< /Title (Two pages) /Author (Test Author)"
                         b" /CreationDate (D:20250624120000Z)"
                         b" /ModDate (D:20250701080000Z) >>")
    encrypt = None
    if security:
        encrypt = 4 + 2 * n_pages
        objects[encrypt] = ("<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
                            % (security.o.hex(), security.u.hex(), security.p)).encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    trailer = "trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (size, FILE_ID.hex(), FILE_ID.hex())
    if info:
        trailer += " /Info %d 0 R" % info
    if encrypt:
        trailer += " /Encrypt %d 0 R" % encrypt
    out += (trailer + " >>\nstartxref\n%d\n%%%%EOF\n" % xref).encode()
    return bytes(out)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(out_dir, "two_pages.pdf"), "wb") as f:
        f.write(build())
    with open(os.path.join(out_dir, "encrypted.pdf"), "wb") as f:
        f.write(build(Security(user=b"secret", owner=b"owner")))


if __name__ == "__main__":
    main()
