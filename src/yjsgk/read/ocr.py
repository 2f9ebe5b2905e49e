"""Optional offline OCR for scanned PDFs (extra `yjsgk[ocr]`: RapidOCR ships its models in the wheel).

Pages are rendered with PDFium and read by RapidOCR (PP-OCRv4 on ONNX Runtime, CPU). The result
is text lines only — table grids are not rebuilt from a scan — so a scanned 情况说明 can be
recognized and its narrative read, while scanned tables stay unchecked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from ..document import Block, Document, Location, TextBlock
from ..errors import ReadError

# used only when asked (`--ocr`, read_path(..., ocr=True)): about 2 s a page
SCALE = 2.0  # render at 144 dpi: small 仿宋 text is read reliably at this size
MIN_SCORE = 0.5


@dataclass(frozen=True, slots=True)
class _Box:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@cache
def _engine():
    """One engine per process: loading its three ONNX models takes about a second."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR()


def ocr_available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def read_scanned(path: Path, source: str) -> Document:
    """Text lines of every page, in reading order, with page, line and box (in PDF points)."""
    engine = _engine()
    if engine is None:
        raise ReadError(source, "扫描件需要 OCR：请安装 yjsgk[ocr]（rapidocr-onnxruntime）后使用 --ocr")
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    blocks: list[Block] = []
    try:
        for index in range(len(pdf)):
            image = pdf[index].render(scale=SCALE).to_numpy()
            result, _elapsed = engine(image)
            boxes = [
                _Box(
                    text,
                    min(p[0] for p in quad),
                    min(p[1] for p in quad),
                    max(p[0] for p in quad),
                    max(p[1] for p in quad),
                )
                for quad, text, score in (result or [])
                if float(score) >= MIN_SCORE and text.strip()
            ]
            for number, line in enumerate(_lines(boxes), start=1):
                text = _join(line)
                left, top = line[0].left, min(b.top for b in line)
                right, bottom = line[-1].right, max(b.bottom for b in line)
                bbox = (
                    round(left / SCALE, 1),
                    round(top / SCALE, 1),
                    round(right / SCALE, 1),
                    round(bottom / SCALE, 1),
                )
                blocks.append(TextBlock(text, Location(source, line=number, page=index + 1, bbox=bbox)))
    finally:
        pdf.close()
    if not blocks:
        raise ReadError(source, "扫描件经 OCR 仍未识别出文字")
    return Document(source=source, format="pdf-ocr", blocks=blocks)


def _lines(boxes: list[_Box]) -> list[list[_Box]]:
    """Boxes whose vertical middles are within half a line height form one line, left to right."""
    lines: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        if lines and abs(box.middle - _middle(lines[-1])) <= max(box.height, lines[-1][0].height) / 2:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [sorted(line, key=lambda b: b.left) for line in lines]


def _middle(line: list[_Box]) -> float:
    return sum(b.middle for b in line) / len(line)


def _join(line: list[_Box]) -> str:
    """Separate boxes by two spaces when far apart (columns), else join them."""
    out = line[0].text
    for previous, box in pairwise(line):
        gap = box.left - previous.right
        out += ("  " if gap > box.height else "") + box.text
    return out
