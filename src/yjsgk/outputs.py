"""Output files a command writes (`query -o`, `export -o`, `check --format html -o`): a name whose
extension says a format we do not write is refused, and a file that cannot be written is one line
for the user with nothing half-written left behind."""

from __future__ import annotations

from pathlib import Path

from .errors import YjsgkError


class OutputError(YjsgkError):
    """The output cannot be written where asked; one line for the user, nothing left behind."""


def check_output(path: Path, suffixes: tuple[str, ...], *, folder_ok: bool = False) -> None:
    """Refuse an output name whose extension says a format we do not write (out.pdf)."""
    suffix = path.suffix.lower()
    if suffix in suffixes or path.name == "datapackage.json" and folder_ok or folder_ok and not suffix:
        return
    accepted = "、".join(suffixes) + ("，或不带扩展名的文件夹名（CSV）、datapackage.json" if folder_ok else "")
    raise OutputError(f"{path}: 不能写成 {suffix or '无扩展名'} 文件（可用：{accepted}）")


def write_output(target: Path, write) -> Path:
    """Run `write(staged_path)` in a hidden folder beside `target`, then move what it wrote into
    place: a failure leaves no half-written file, and a file replaced is replaced whole."""
    import os
    import shutil
    import tempfile

    target = Path(target)
    # the folder the output goes into must exist; a data package named by its datapackage.json
    # is a folder of its own, made here
    parent = target.parent.parent if target.name == "datapackage.json" else target.parent
    if not parent.is_dir():
        raise OutputError(f"{target}: 输出文件夹不存在：{parent}")
    try:
        staging = Path(tempfile.mkdtemp(prefix=".yjsgk-", dir=parent))
    except OSError as exc:
        raise OutputError(f"{target}: 无法写入：{exc.strerror or exc}") from exc
    try:
        written = Path(write(staging / target.relative_to(parent)))
        for path in sorted(staging.rglob("*")):
            if path.is_file():
                destination = parent / path.relative_to(staging)
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, destination)
        return parent / written.relative_to(staging)
    except OSError as exc:
        raise OutputError(f"{target}: 无法写入：{exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
