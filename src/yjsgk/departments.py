"""Department names: one normalized form per department, and the region and level its name shows.

The rule is deliberately simple. After an optional 中共/中国共产党 prefix, a department name
usually starts with the places it belongs to, each ending in a place suffix: 湖南省, 衡阳市,
株洲市石峰区, 上海市普陀区. The region is that leading run of places (株洲市石峰区); the level
comes from the last place: 省/自治区/特别行政区 and the four municipalities (北京/天津/上海/重庆市)
are 省级, other 市/自治州/地区 are 市级, 区/县/自治县 are 县级. Names that start with a
department rather than a place (省财政厅 without the province, 中央…) have no region.

Known limits: a county-level city (醴陵市) reads as 市级; a district printed without its city
(雁峰区行政审批服务局) has region 雁峰区, not 衡阳市雁峰区. Ranking by region matches the region
and everything under it (株洲市 also finds 株洲市石峰区).
"""

from __future__ import annotations

from .patterns import lazy_pattern
from .textnorm import norm

_PREFIX = lazy_pattern(r"^(?:中国共产党|中共)")
_SUFFIXES = "特别行政区|自治区|自治州|自治县|地区|省|市|县|区"
_PLACE = lazy_pattern(rf"[\u4e00-\u9fff]{{1,7}}?(?:{_SUFFIXES})")
# words that end like a place but are not one (衡阳市城市管理局 is not in a place called 城市)
_NOT_PLACES = {
    "城市",
    "都市",
    "超市",
    "社区",
    "园区",
    "景区",
    "街区",
    "城区",
    "市区",
    "郊区",
    "山区",
    "校区",
    "林区",
    "矿区",
    "牧区",
    "辖区",
    "片区",
    "小区",
    "库区",
    "灾区",
    "开发区",
    "示范区",
    "保税区",
    "试验区",
    "自贸区",
    "高新区",
    "风景区",
}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
LEVELS = ("省级", "市级", "县级")


def normalize_name(name: str) -> str:
    """Compatibility forms folded and whitespace removed: the key a department is stored under."""
    return norm(name).strip()


def places(name: str) -> list[str]:
    text = _PREFIX.sub("", normalize_name(name))
    found: list[str] = []
    pos = 0
    while True:
        match = _PLACE.match(text, pos)
        if not match:
            break
        place = match.group(0)
        if place in _NOT_PLACES or len(place) < 2:
            break
        found.append(place)
        pos = match.end()
    return found


def region_of(name: str) -> str | None:
    found = places(name)
    return "".join(found) or None


def level_of(name: str) -> str | None:
    found = places(name)
    if not found:
        return None
    last = found[-1]
    if len(found) == 1 and last in MUNICIPALITIES:
        return "省级"
    if last.endswith(("省", "自治区", "特别行政区")):
        return "省级"
    if last.endswith(("市", "自治州", "地区")):
        return "市级"
    return "县级"


# ---------------------------------------------------------------------------------------------
# one department under several printed names


_PARTY_LONG = lazy_pattern(r"^(?:中国共产党|中共)((?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|自治州|地区|县|区))+)委员会")
_PARTY_SHORT = lazy_pattern(r"^中共(?=[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|自治州|地区|县|区)委)")
# spelled-out and short forms of the same words, folded to the short one
_WORDS = (
    ("人民代表大会常务委员会", "人大常委会"),
    ("中国人民政治协商会议", "政协"),
)
_CPPCC = lazy_pattern(r"^政协((?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|自治州|地区|县|区))+)委员会")
# the scope printed after a name: one unit of the department (本级) or all its units (汇总)
_SCOPE = lazy_pattern(r"[（(]\s*(本级|汇总|部门|单位|机关本级|本部)\s*[）)]$")


def _scope(name: str) -> tuple[str, str]:
    m = _SCOPE.search(name)
    if not m:
        return name, ""
    return name[: m.start()].strip(), f"（{m.group(1)}）"


def folded_name(name: str) -> str:
    """A department name with the spelled-out forms of the party, congress and CPPCC bodies folded
    to the short ones (中国共产党江苏省委员会办公厅 → 江苏省委办公厅, 中共西安市委宣传部 → 西安市委宣传部,
    中国人民政治协商会议江苏省委员会办公厅 → 江苏省政协办公厅); a scope printed after it ((本级)) kept."""
    text, scope = _scope(normalize_name(name))
    text = _PARTY_LONG.sub(lambda m: f"{m.group(1)}委", text)
    text = _PARTY_SHORT.sub("", text)
    for long, short in _WORDS:
        text = text.replace(long, short)
    text = _CPPCC.sub(lambda m: f"{m.group(1)}政协", text)
    return text + scope


def identity(name: str | None) -> str | None:
    """The one name a department is known by across years and documents: the folded name, then
    the alias table (data/departments.toml: curated and harvested from the corpus). Names of
    different scope ((本级) beside the whole department) are different identities."""
    if not name:
        return None
    folded = folded_name(name)
    return aliases().get(folded, folded)


_ALIASES: dict[str, str] | None = None


def aliases() -> dict[str, str]:
    """Folded alias → folded canonical name, from data/departments.toml."""
    global _ALIASES
    if _ALIASES is None:
        import tomllib
        from importlib import resources

        data = tomllib.loads(resources.files("yjsgk.data").joinpath("departments.toml").read_text("utf-8"))
        table: dict[str, str] = {}
        for entry in data.get("department", []):
            canonical = folded_name(entry["name"])
            for alias in entry.get("aliases", []):
                table[folded_name(alias)] = canonical
        _ALIASES = table
    return _ALIASES


def same_department(a: str | None, b: str | None) -> bool:
    """Certain only when both names are known and fold to one identity."""
    return a is not None and b is not None and identity(a) == identity(b)


def abbreviates(short: str, long: str) -> bool:
    """`short` is `long` with words left out, in the same place and with the same ending
    (江苏省人大办公厅 of 江苏省人大常委会办公厅): how one department prints its own name shorter."""
    short, long = folded_name(short), folded_name(long)
    if short == long or len(short) >= len(long) or places(short) != places(long) or not places(short):
        return False
    if _scope(short)[1] != _scope(long)[1] or short[-3:] != long[-3:]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


# -- harvest: aliases learned from the names one document prints for itself ---------------------

HARVESTED = "harvested:"
_DEFAULT_ROOTS = ("seeds", "samples", "corpus")


def _printed_names(path: str) -> tuple[str, list[str]]:
    """(the path, every name the document prints for itself: its cover title's and its tables'
    部门/单位 captions)."""
    from .errors import YjsgkError
    from .read import read_path
    from .recognize import recognize
    from .recognize.segment import segment

    try:
        document = read_path(path)
        disclosure = recognize(document)
        captions = [name for name, _ in segment(document).departments]
    except YjsgkError:
        return path, []
    names = [disclosure.department, *captions] if disclosure.department else captions
    return path, list(dict.fromkeys(normalize_name(n) for n in names if n and places(n)))


def harvest(paths: list[str], jobs: int = 2) -> dict[tuple[str, str], list[str]]:
    """(alias, name) → the documents that print both: a name and a shorter form of it
    (`abbreviates`) printed by one document for itself are one department."""
    from concurrent.futures import ProcessPoolExecutor

    pairs: dict[tuple[str, str], list[str]] = {}

    def collect(results) -> None:
        for path, names in results:
            for a in names:
                for b in names:
                    if abbreviates(a, b) and aliases().get(folded_name(a)) != folded_name(b):
                        pairs.setdefault((a, b), []).append(path)

    if jobs <= 1:
        collect(map(_printed_names, paths))
    else:
        with ProcessPoolExecutor(jobs) as pool:
            collect(pool.map(_printed_names, paths))
    return pairs


def _render(curated: list[dict], harvested: dict[tuple[str, str], list[str]], root) -> str:
    from pathlib import Path

    def rel(p: str) -> str:
        try:
            return str(Path(p).resolve().relative_to(Path(root).resolve()))
        except ValueError:
            return p

    out = [
        "# One department under several printed names: each alias is read as `name` (departments.identity).",
        "# Spelled-out party/congress/CPPCC forms are folded by rule first (中国共产党江苏省委员会办公厅 →",
        "# 江苏省委办公厅); this table holds what no rule settles. Curated entries are kept as they are;",
        '# entries with source "harvested: …" are rewritten by `python -m yjsgk.departments --write` from the',
        "# names one document prints for itself (its cover and its tables' 部门 captions, one a shorter form",
        "# of the other). Names with a scope ((本级), (汇总)) are other identities: never list them here.",
        "",
    ]
    entries = list(curated)
    for (alias, name), docs in sorted(harvested.items()):
        entries.append(
            {"name": name, "aliases": [alias], "source": f"{HARVESTED} {len(docs)} documents, first {rel(docs[0])}"}
        )
    for e in entries:
        out.append("[[department]]")
        out.append(f'name = "{e["name"]}"')
        out.append("aliases = [" + ", ".join(f'"{a}"' for a in e["aliases"]) + "]")
        out.append(f'source = "{e["source"]}"')
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import tomllib
    from importlib import resources
    from pathlib import Path

    from .read import SUPPORTED_SUFFIXES

    parser = argparse.ArgumentParser(prog="python -m yjsgk.departments", description=main.__doc__)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="rewrite the harvested entries of departments.toml")
    args = parser.parse_args(argv)
    shared = Path(__file__).resolve().parents[2].parent / "shared"  # ../shared beside the checkout
    roots = [Path(p) for p in args.paths] or [shared / r for r in _DEFAULT_ROOTS]
    files = sorted(
        str(f)
        for root in roots
        for f in ([root] if root.is_file() else root.rglob("*"))
        if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
    )
    found = harvest(files, args.jobs)
    for (alias, name), docs in sorted(found.items()):
        print(f"{alias}\t→ {name}\t{len(docs)} documents")
    print(f"{len(files)} documents read, {len(found)} aliases found")
    if args.write:
        data_file = resources.files("yjsgk.data").joinpath("departments.toml")
        data = tomllib.loads(data_file.read_text("utf-8"))
        curated = [e for e in data.get("department", []) if not str(e.get("source", "")).startswith(HARVESTED)]
        Path(str(data_file)).write_text(_render(curated, found, shared), encoding="utf-8")
    return 0


if __name__ == "__main__":  # python -m yjsgk.departments: harvest aliases from the corpus
    raise SystemExit(main())
