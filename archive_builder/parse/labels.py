"""The numbering of a decision's parts: "(1)", "(2)(a)", "1)", "a.", "(iv)", and how parts nest.

"RESOLVED: (1) To note ...; (2) arising from (1): (a) a letter be sent ...; (b) ...; (3) ..." gives the
leaves (1), (2)(a), (2)(b), (3): each a decision of its own, with its parent's words as its lead-in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LABEL = re.compile(
    r"^(?:[-•●▪◦*]\s*)?(?P<label>\((?P<p>\d{1,2}|[a-z]{1,4}|[A-Z])\)|(?P<c>\d{1,2}|[a-z]|[ivx]{2,4})\)|(?P<d>\d{1,2}|[a-z])\.(?=\s))\s*",
)
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}


@dataclass
class Label:
    printed: str  # "(2)", "a)", "1."
    shape: str  # "(x)", "x)" or "x."
    kind: str  # "num", "alpha", "roman", "upper"
    value: int

    @property
    def style(self) -> tuple[str, str]:
        return self.shape, self.kind


def read_label(text: str, previous: Label | None = None) -> tuple[Label, str] | None:
    """The label at the start of `text` and the text after it; `previous` (the label before it at the
    same level) tells '(i)' after '(h)' (a letter) from '(i)' opening a roman list."""
    match = _LABEL.match(text)
    if not match:
        return None
    raw = match.group("p") or match.group("c") or match.group("d")
    shape = "(x)" if match.group("p") else ("x)" if match.group("c") else "x.")
    kind, value = _kind_and_value(raw, shape, previous)
    if kind is None:
        return None
    return Label(match.group("label"), shape, kind, value), text[match.end() :]


def _kind_and_value(raw: str, shape: str, previous: Label | None) -> tuple[str | None, int]:
    if raw.isdigit():
        return "num", int(raw)
    if raw.isupper():
        return "upper", ord(raw) - ord("A") + 1
    if len(raw) == 1 and not (raw in _ROMAN and _starts_or_continues_roman(raw, shape, previous)):
        return "alpha", ord(raw) - ord("a") + 1
    if raw in _ROMAN:
        return "roman", sorted(_ROMAN, key=_roman_value).index(raw) + 1
    return None, 0


def _starts_or_continues_roman(raw: str, shape: str, previous: Label | None) -> bool:
    if previous and previous.shape == shape and previous.kind == "alpha":
        return False  # '(i)' after '(h)' is the ninth letter
    if previous and previous.shape == shape and previous.kind == "roman":
        return True
    return raw == "i"


def _roman_value(numeral: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        total += -value if index + 1 < len(numeral) and values[numeral[index + 1]] > value else value
    return total


@dataclass
class Part:
    label: Label
    text: str
    page: int
    children: list[Part] = field(default_factory=list)


@dataclass
class Leaf:
    label: str  # the printed labels along the path: "(2)(a)"
    text: str  # the leaf's words, after its ancestors' lead-in words
    page: int


def nest(parts: list[Part]) -> list[Part]:
    """Arrange parts read in order into a tree: a new numbering style opens a level under the part
    before it; a style already open closes the levels below it."""
    roots: list[Part] = []
    stack: list[Part] = []
    for part in parts:
        while stack and stack[-1].label.style != part.label.style and part.label.style in [p.label.style for p in stack]:
            stack.pop()
        if stack and stack[-1].label.style == part.label.style:
            stack.pop()
        if stack:
            stack[-1].children.append(part)
        else:
            roots.append(part)
        stack.append(part)
    return roots


def leaves(parts: list[Part], prefix: str = "", lead_in: str = "") -> list[Leaf]:
    result: list[Leaf] = []
    for part in parts:
        label = prefix + part.label.printed
        if part.children:
            inner = _join(lead_in, part.text)
            result.extend(leaves(part.children, label, inner))
        else:
            result.append(Leaf(label, _join(lead_in, part.text), part.page))
    return result


def _join(lead_in: str, text: str) -> str:
    text = text.strip()
    return f"{lead_in.strip()} {text}".strip() if lead_in.strip() else text
