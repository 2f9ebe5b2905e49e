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
