"""Accepting uploaded files: limits, type by content (magic bytes), zip archives, names that cannot
escape the upload folder, and one upload per distinct content (SHA-256)."""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..store.db import Store
from ..store.web_models import Upload
from .auth import Principal, audit, now

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 50 * MB  # one file, or one member of a zip
    files: int = 20  # files in one request
    zip_members: int = 200
    zip_bytes: int = 500 * MB  # a zip's members, uncompressed, together

    @property
    def request_bytes(self) -> int:
        return self.file_bytes * self.files + MB


class Refused(Exception):
    """An upload refused, with the reason shown to the user (and the HTTP status)."""

    def __init__(self, reason: str, status: int = 415):
        super().__init__(reason)
        self.reason, self.status = reason, status


SUPPORTED = "PDF、Word（.docx/.doc）、Excel（.xlsx/.xls）、HTML、文本（.txt/.md）或 zip 压缩包"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
_HTML_HEAD = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|table)\b", re.I | re.S
)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Refused(f"压缩文件已损坏，无法打开（{exc}）") from exc
    if "word/document.xml" in names:
        return ".docx"
    if "xl/workbook.xml" in names:
        return ".xlsm" if "xl/vbaProject.bin" in names else ".xlsx"
    return ".zip"


def _decodes_as_text(data: bytes) -> bool:
    head = data[: 64 * 1024]
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.start >= len(head) - 4:  # a character cut at the end of the sample
                return True
    return False


def sniff(data: bytes, name: str) -> str:
    """The suffix the content calls for (.pdf, .docx, .xlsx, .doc, .xls, .html, .txt, .md, .zip);
    `Refused` when it is none of the formats read."""
    if not data:
        raise Refused("文件为空")
    suffix = Path(name).suffix.lower()
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if b"%PDF-" in data[:1024]:  # a few producers write bytes before the header
        return ".pdf"
    if data.startswith(_OLE):
        if suffix in (".doc", ".xls"):
            return suffix
        head = data[: 1024 * 1024]
        if "WordDocument".encode("utf-16-le") in head:
            return ".doc"
        if "Workbook".encode("utf-16-le") in head or "Book".encode("utf-16-le") in head:
            return ".xls"
        raise Refused(f"不支持的 Office 文件（既非 Word 也非 Excel）；支持 {SUPPORTED}")
    if _decodes_as_text(data):
        if _HTML_HEAD.match(data.lstrip(b"\xef\xbb\xbf")[:4096]):
            return ".html"
        return suffix if suffix in _TEXT_SUFFIXES else ".txt"
    raise Refused(f"不支持的文件类型（按文件内容判断）；支持 {SUPPORTED}")


_UNSAFE = re.compile(r"[^\w\-.()（）\[\]【】 ]+")


def safe_name(name: str, suffix: str) -> str:
    """The file name to show and to store under: the last part of the path given, without control
    characters or anything but letters (汉字 included), digits and a few marks; the suffix the
    content calls for."""
    base = re.split(r"[/\\]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    stem = Path(base).stem if Path(base).suffix else base
    stem = _UNSAFE.sub("_", stem).strip(" ._")[:120] or "upload"
    return stem + suffix


@dataclass
class Accepted:
    name: str
    id: int | None = None
    duplicate: bool = False
    error: str | None = None
    status: int = 201

    def to_dict(self) -> dict:
        out: dict = {"name": self.name}
        if self.error:
            out["error"] = self.error
        else:
            out.update(id=self.id, duplicate=self.duplicate)
        return out


def expand(name: str, data: bytes, limits: Limits) -> list[tuple[str, bytes | Refused]]:
    """(name, bytes) of each file an upload holds: itself, or the members of a zip archive (a
    member refused is reported by name, the others go on)."""
    if len(data) > limits.file_bytes:
        raise Refused(f"文件过大：{len(data) / MB:.1f} MB，超过上限 {limits.file_bytes // MB} MB", 413)
    kind = sniff(data, name)
    if kind != ".zip":
        return [(name, data)]
    out: list[tuple[str, bytes | Refused]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not Path(m.filename).name.startswith(".")]
        if len(members) > limits.zip_members:
            raise Refused(f"压缩包内文件过多：{len(members)} 个，上限 {limits.zip_members} 个", 413)
        if sum(m.file_size for m in members) > limits.zip_bytes:
            raise Refused(f"压缩包解压后过大，上限 {limits.zip_bytes // MB} MB", 413)
        for m in members:
            member_name = m.filename
            if m.file_size > limits.file_bytes:
                out.append((member_name, Refused(f"文件过大，超过上限 {limits.file_bytes // MB} MB", 413)))
                continue
            with archive.open(m) as fh:
                content = fh.read(limits.file_bytes + 1)
            if len(content) > limits.file_bytes:
                out.append((member_name, Refused(f"文件过大，超过上限 {limits.file_bytes // MB} MB", 413)))
            elif content.startswith((b"PK\x03\x04", b"PK\x05\x06")) and _zip_kind(content) == ".zip":
                out.append((member_name, Refused("压缩包中的压缩包不予展开")))
            else:
                out.append((member_name, content))
    return out


def accept(store: Store, folder: Path, name: str, data: bytes, user: Principal) -> Accepted:
    """Store one file's bytes and queue it; the same bytes uploaded before give the earlier upload."""
    try:
        suffix = sniff(data, name)
        if suffix == ".zip":
            raise Refused("压缩包中的压缩包不予展开")
    except Refused as exc:
        return Accepted(name=name, error=exc.reason, status=exc.status)
    digest = hashlib.sha256(data).hexdigest()
    shown = safe_name(name, suffix)
    with store.read() as session:
        existing = session.scalar(select(Upload.id).where(Upload.content_hash == digest))
    if existing is not None:
        return Accepted(name=shown, id=existing, duplicate=True, status=200)
    target = folder / digest / shown
    target.parent.mkdir(parents=True, exist_ok=True)
    assert target.resolve().is_relative_to(folder.resolve())
    target.write_bytes(data)
    try:
        with store.write() as session:
            upload = Upload(
                content_hash=digest,
                filename=shown,
                stored_path=str(target),
                size_bytes=len(data),
                status="queued",
                user_id=user.id,
                created_at=now(),
            )
            session.add(upload)
            session.flush()
            audit(session, user, "upload", shown, {"upload": upload.id, "sha256": digest})
            return Accepted(name=shown, id=upload.id)
    except IntegrityError:  # the same bytes, uploaded at the same moment by another request
        with store.read() as session:
            existing = session.scalar(select(Upload.id).where(Upload.content_hash == digest))
        return Accepted(name=shown, id=existing, duplicate=True, status=200)
