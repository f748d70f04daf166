"""Hostile files, built here (never stored): each is small on disk and enormous once a parser believes it."""

import functools
import io
import struct
import zipfile
import zlib

from openpyxl import Workbook

MB = 1024 * 1024


def _workbook_with_sheet(sheet_xml: bytes, shared_strings: bytes | None = None) -> bytes:
    """A real openpyxl workbook whose first sheet (and shared strings) are replaced by the given XML."""
    plain = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["Họ và tên", "Giới tính"])
    workbook.save(plain)
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            target.writestr(item.filename, data, compresslevel=9)
        if shared_strings is not None:
            target.writestr("xl/sharedStrings.xml", shared_strings, compresslevel=9)
    return out.getvalue()


_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s<sheetData>%s</sheetData>'
    b"</worksheet>"
)


def xlsx_whole_grid() -> bytes:
    """A sheet declaring every cell of the grid, with two cells at opposite corners (calamine: 512 GB)."""
    cells = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row>'
    )
    return _workbook_with_sheet(_SHEET % (b'<dimension ref="A1:XFD1048576"/>', cells))


def xlsx_far_cells() -> bytes:
    """The same two far-apart cells without any <dimension>: the spread of the cells themselves is huge."""
    cells = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row>'
    )
    return _workbook_with_sheet(_SHEET % (b"", cells))


def xlsx_giant_shared_string(size: int = 50 * MB) -> bytes:
    """One cell pointing at a shared string of `size` characters."""
    cells = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    strings = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        b"<si><t>" + b"A" * size + b"</t></si></sst>"
    )
    return _workbook_with_sheet(_SHEET % (b'<dimension ref="A1"/>', cells), strings)


def xlsx_giant_inline_cell(size: int = 5 * MB) -> bytes:
    cells = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"B" * size + b"</t></is></c></row>"
    return _workbook_with_sheet(_SHEET % (b'<dimension ref="A1"/>', cells))


_DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@functools.cache
def docx_bomb(paragraphs: int = 30_000_000) -> bytes:
    """A .docx whose document.xml is `paragraphs` empty paragraphs (30 million: 180 MB of XML in ~200 KB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        with archive.open("word/document.xml", "w") as document:
            document.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body>")
            block = b"<w:p/>" * 100_000
            for _ in range(paragraphs // 100_000):
                document.write(block)
            document.write(b"</w:body></w:document>")
    return out.getvalue()


def docx_lying_size(real: int = 20 * MB) -> bytes:
    """A .docx whose document.xml declares a few bytes in the central directory but inflates to `real` bytes."""
    data = bytearray(docx_bomb(paragraphs=real // 6))
    # Patch the declared uncompressed size of document.xml in its local header and in the central directory.
    name = b"word/document.xml"
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_length = struct.unpack_from("<H", data, start + size_offset + 4)[0]
            if data[start + name_offset : start + name_offset + len(name)] == name and name_length == len(name):
                struct.pack_into("<I", data, start + size_offset, 1000)
            start += 4
    return bytes(data)


def pdf_with_stream(payload: bytes, *, compress: bool = True, pages: int = 1) -> bytes:
    """A well-formed PDF with `pages` empty pages; the first page's content stream holds `payload`."""
    stream = zlib.compress(payload, 9) if compress else payload
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" if compress else b"")
        + stream
        + b"\nendstream",
    ]
    for i in range(pages):
        content = b" /Contents 3 0 R" if i == 0 else b""
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]%s >>" % content)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


@functools.cache
def pdf_bomb(size: int = 200 * MB) -> bytes:
    """A PDF of ~200 KB whose one FlateDecode content stream inflates to `size` bytes of spaces."""
    compressor = zlib.compressobj(9)
    block = b" " * MB
    parts = [compressor.compress(block) for _ in range(size // MB)]
    stream = b"".join(parts) + compressor.flush()
    return pdf_with_stream(stream, compress=False).replace(b"/Length", b"/Filter /FlateDecode /Length", 1)


def png(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height pixels (its one IDAT holds only a few rows)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )
