"""Phrase tables (`data/draft/*.toml`): the wording of a drafted disclosure, by template family."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from ..errors import YjsgkError

BASE = "national"


class PhraseError(YjsgkError, ValueError):
    pass


def _files():
    return resources.files("yjsgk.data").joinpath("draft")


def available() -> list[str]:
    return sorted(p.name[:-5] for p in _files().iterdir() if p.name.endswith(".toml"))


def _merge(base: dict, over: dict) -> dict:
    """`over` replaces `base` key by key; tables merge, lists and values are replaced."""
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


@cache
def phrases(name: str) -> dict:
    if name not in available():
        raise PhraseError(f"没有名为 {name} 的起草模板（可用：{'、'.join(available())}）")
    data = tomllib.loads(_files().joinpath(f"{name}.toml").read_text("utf-8"))
    parent = data.pop("extends", None if name == BASE else BASE)
    return _merge(phrases(parent), data) if parent else data


class _Formatter(string.Formatter):
    """Fields are whole names ("change.grand_total"), resolved by the drafter."""

    def __init__(self, resolve: Callable[[str], str]):
        self.resolve = resolve

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> tuple[str, str]:
        return self.resolve(field_name), field_name


def fill(template: str, resolve: Callable[[str], str]) -> str:
    return _Formatter(resolve).format(template)


def fields(template: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(template) if f]
