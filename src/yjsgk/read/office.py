"""Published office formats: Word (.docx/.doc), Excel (.xlsx/.xlsm/.xls) and web pages (.html/.htm).

The file's content decides the reader, not only its name: sites publish `.xls` files that are
web pages or tab-separated text, `.doc` files that are RTF, web pages or single-file web
archives (MHT), and `.docx`/`.xlsx` files that are really the legacy binary format. Legacy Word
(.doc) and RTF are converted to .docx with LibreOffice (`soffice --headless --convert-to docx`)
in a temporary folder when LibreOffice is installed. Damaged, encrypted or empty files raise a
`ReadError` with a one-line reason.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .. import limits
from ..document import Document
from ..errors import ReadError
from .text import decode_utf16

WORD_SUFFIXES = {".docx", ".doc"}
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
HTML_SUFFIXES = {".html", ".htm"}
OFFICE_SUFFIXES = WORD_SUFFIXES | SHEET_SUFFIXES | HTML_SUFFIXES

CONVERT_TIMEOUT = 180  # seconds LibreOffice may take for one file

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))

_ENCRYPTED = "文件已加密（受密码保护），请先在 Office/WPS 中取消密码后再试 (encrypted file)"


def read_office(path: Path, source: str | None = None) -> Document:
    source = source or str(path)
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > limits.current().bytes:
        raise ReadError(source, limits.message("bytes", size))
    if suffix in HTML_SUFFIXES and size > limits.current().text_bytes:  # before reading it
        raise ReadError(source, limits.message("text_bytes", size))
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(source, "文件为空 (empty file)")
    kind = _sniff(data, suffix, source)
    if kind in ("html", "mht", "text") and size > limits.current().text_bytes:  # parsed whole, in memory
        raise ReadError(source, limits.message("text_bytes", size))
    if kind == "docx":
        from .word import read_docx

        return read_docx(path, source)
    if kind == "xlsx":
        from .sheet import read_xlsx

        return read_xlsx(path, source)
    if kind == "xls":
        from .sheet import read_xls

        return read_xls(path, source)
    if kind in ("doc", "rtf", "word-xml", "sheet-xml"):
        target = "xlsx" if kind == "sheet-xml" else "docx"
        return _convert_and_read(path, source, target, kind)
    if kind == "mht":
        return _read_mht(data, source)
    if kind == "html":
        from .web import decode_html, parse_html

        return parse_html(decode_html(data, source), source)
    # plain text behind an office name (Excel's "Unicode text" export saved as .xls)
    from .text import decode, parse_text

    return parse_text(decode(data, source), source)


def _sniff(data: bytes, suffix: str, source: str) -> str:
    """What the bytes are: docx, xlsx, xls, doc, rtf, mht, html, word-xml, sheet-xml or text."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, suffix, source)
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise ReadError(source, _ENCRYPTED)
        if any(s in data for s in _WORKBOOK_STREAMS) and _WORD_STREAM not in data:
            return "xls"
        if _WORD_STREAM in data:
            return "doc"
        return "xls" if suffix in SHEET_SUFFIXES else "doc"
    head = (decode_utf16(data[:8192]) or data[:8192].decode("utf-8", "ignore")).lstrip("\ufeff \t\r\n").lower()
    if head.startswith("{\\rtf"):
        return "rtf"
    if head.startswith("mime-version") or ("mime-version" in head[:2048] and "multipart/related" in head):
        return "mht"
    if head.startswith("<"):
        if "<html" in head or "<table" in head or "<body" in head or "<!doctype html" in head or "<meta" in head:
            return "html"
        if 'progid="excel.sheet"' in head or "urn:schemas-microsoft-com:office:spreadsheet" in head:
            return "sheet-xml"
        if 'progid="word.document"' in head or "schemas.microsoft.com/office/word/2003/wordml" in head:
            return "word-xml"
        return "html"
    if suffix in HTML_SUFFIXES:
        return "html"
    if b"\x00" in data[:65536] and decode_utf16(data[:65536]) is None:
        what = "Word" if suffix in WORD_SUFFIXES else "Excel"
        raise ReadError(source, f"文件已损坏或不是 {what} 文件，无法识别其内容 (unrecognized {suffix} file)")
    return "text"


def _sniff_zip(data: bytes, suffix: str, source: str) -> str:
    from .package import entry_count

    corrupt = f"文件已损坏，无法打开（{suffix or '文件'} 不是完整的压缩包）(corrupt file)"
    entry_count(io.BytesIO(data), source, corrupt)  # before the directory is parsed
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ReadError(source, corrupt) from exc  # NotImplementedError: "zip file version 14.8" and the like
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "content.xml" in names and "mimetype" in names:
        raise ReadError(
            source, "这是 OpenDocument（.odt/.ods）文件，请另存为 .docx 或 .xlsx 后再试 (OpenDocument file)"
        )
    raise ReadError(source, "文件已损坏或不是 Word/Excel 文件：压缩包中没有文档内容 (not an Office file)")


# -- LibreOffice ---------------------------------------------------------------------------


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert_and_read(path: Path, source: str, target: str, kind: str) -> Document:
    label = {
        "doc": path.suffix.lower() or ".doc",
        "rtf": "RTF",
        "word-xml": "Word 2003 XML",
        "sheet-xml": "Excel 2003 XML",
    }[kind]
    exe = libreoffice()
    if exe is None:
        raise ReadError(
            source,
            f"需要安装 LibreOffice 才能读取 {label} 文件（未找到 soffice 或 libreoffice 命令），"
            f"或在 Word/WPS 中另存为 .{target} 后再试 (LibreOffice not installed)",
        )
    with tempfile.TemporaryDirectory(prefix="yjsgk-convert-") as tmp:
        work = Path(tmp)
        # a private profile: a LibreOffice already running for the user would take the job and lock it
        profile = (work / "profile").as_uri()
        out = work / "out"
        # the input is copied under a plain name: LibreOffice decides the filter by content
        original = work / f"input{path.suffix.lower() or '.doc'}"
        shutil.copyfile(path, original)
        command = [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(original),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise ReadError(source, f"LibreOffice 转换超时（超过 {CONVERT_TIMEOUT} 秒）(conversion timed out)") from exc
        except OSError as exc:
            raise ReadError(source, f"无法运行 LibreOffice：{exc.strerror or exc}") from exc
        converted = out / f"input.{target}"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise ReadError(source, f"LibreOffice 无法转换此 {label} 文件，文件可能已损坏或加密 (conversion failed)")
        if target == "xlsx":
            from .sheet import read_xlsx

            document = read_xlsx(converted, source)
        else:
            from .word import read_docx

            document = read_docx(converted, source)
    document.format = kind
    return document


# -- single-file web archives (.mht saved as .doc) -------------------------------------------


def _read_mht(data: bytes, source: str) -> Document:
    import email
    import email.policy

    from .web import parse_html

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception as exc:  # the email parser is lenient; this is a safeguard
        raise ReadError(source, "无法解析网页归档 (MHT) 文件 (unparsable MHT)") from exc
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)  # bytes (None when empty) for a part that is not multipart
        if not isinstance(payload, bytes):
            payload = b""
        charset = (part.get_content_charset() or "").lower()
        if charset in ("gb2312", "gbk", "x-gbk", "cp936"):
            charset = "gb18030"
        try:
            text = payload.decode(charset or "utf-8")
        except (LookupError, UnicodeDecodeError):
            text = payload.decode("gb18030", errors="replace")
        return parse_html(text, source, fmt="mht")
    raise ReadError(source, "网页归档 (MHT) 文件中没有网页内容 (no HTML in the MHT file)")
