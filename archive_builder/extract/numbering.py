"""List numbering: the "1.", "(a)", "2.3" labels Word draws in front of paragraphs but never stores.

Minutes written in Word number their items and resolutions with automatic lists, and the parsers
need those numbers in the text. We replay Word's counters over the paragraphs in order. This
covers the common cases (levels, start values, restarts of lower levels, start overrides, list
styles on paragraph styles); exotic ones (legal numbering, level overrides with their own
definitions) fall back to plain decimal numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

BULLET = "-"  # the parsers' one bullet mark, whatever glyph Word draws


@dataclass
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."


@dataclass
class ListNumbering:
    """Word's list definitions from numbering.xml and styles.xml, and the counters replayed so far."""

    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> Level
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    style_numbering: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    style_level: dict[tuple[str, str], int] = field(default_factory=dict)  # (abstractNumId, styleId) -> ilvl
    style_parent: dict[str, str] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId -> ilvl -> count
    overridden: set = field(default_factory=set)  # (numId, ilvl) whose start override has been applied

    def label(self, paragraph) -> str:
        """The label Word draws before this w:p ("3.", "(b)", "-"), or "" for an unnumbered paragraph."""
        num_id, level = self._numbering_of(paragraph)
        abstract = self.abstract_of.get(num_id or "")
        if abstract is None or abstract not in self.levels:
            return ""
        counts = self.counters.setdefault(abstract, {})
        self._count(num_id, abstract, level, counts)
        definition = self.levels[abstract].get(level, Level())
        if definition.format == "bullet":
            return BULLET
        if definition.format == "none":
            return ""
        return self._rendered(abstract, definition.text, counts)

    def _count(self, num_id: str, abstract: str, level: int, counts: dict[int, int]) -> None:
        override = self.start_overrides.get(num_id, {}).get(level)
        if override is not None and (num_id, level) not in self.overridden:
            self.overridden.add((num_id, level))
            counts[level] = override - 1
        elif level not in counts:
            counts[level] = self.levels[abstract].get(level, Level()).start - 1
        counts[level] += 1
        for deeper in [number for number in counts if number > level]:
            del counts[deeper]  # a new item restarts the sub-lists under it

    def _rendered(self, abstract: str, text: str, counts: dict[int, int]) -> str:
        for level in range(9):
            placeholder = f"%{level + 1}"
            if placeholder in text:
                definition = self.levels[abstract].get(level, Level())
                text = text.replace(placeholder, formatted(counts.get(level, definition.start), definition.format))
        return text

    def _numbering_of(self, paragraph) -> tuple[str | None, int]:
        """(numId, level) from the paragraph's own properties, else from its style."""
        num_id, level, style = None, None, None
        properties = paragraph.find(qn("w:pPr"))
        if properties is not None:
            style = _value(properties.find(qn("w:pStyle")))
            own = properties.find(qn("w:numPr"))
            if own is not None:
                num_id, level = _value(own.find(qn("w:numId"))), _int_value(own.find(qn("w:ilvl")))
        if num_id is None and style:
            num_id, style_level = self._style_numbering(style)
            level = level if level is not None else style_level
        if level is None and style:
            level = self.style_level.get((self.abstract_of.get(num_id or "", ""), style))
        return num_id, level or 0

    def _style_numbering(self, style: str) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:  # list numbering is inherited through basedOn
            seen.add(style)
            if style in self.style_numbering:
                return self.style_numbering[style]
            style = self.style_parent.get(style)
        return None, None


def list_numbering(document) -> ListNumbering:
    """The list definitions of a python-docx Document (none where it has no numbering part)."""
    numbering = ListNumbering()
    try:
        numbering_xml = document.part.numbering_part.element
    except Exception:  # no numbering part: no automatic lists
        numbering_xml = None
    if numbering_xml is not None:
        _read_numbering(numbering_xml, numbering)
    _read_styles(document.styles.element, numbering)
    return numbering


def _read_numbering(root, numbering: ListNumbering) -> None:
    for abstract in root.findall(qn("w:abstractNum")):
        abstract_id = abstract.get(qn("w:abstractNumId"))
        levels = numbering.levels.setdefault(abstract_id, {})
        for lvl in abstract.findall(qn("w:lvl")):
            level = int(lvl.get(qn("w:ilvl"), "0"))
            start = _int_value(lvl.find(qn("w:start")))
            levels[level] = Level(
                start=0 if start is None else start,  # the standard's default, though Word always writes one
                format=_value(lvl.find(qn("w:numFmt"))) or "decimal",
                text=_value(lvl.find(qn("w:lvlText"))) or "",
            )
            style = _value(lvl.find(qn("w:pStyle")))
            if style:
                numbering.style_level[(abstract_id, style)] = level
    for num in root.findall(qn("w:num")):
        num_id = num.get(qn("w:numId"))
        numbering.abstract_of[num_id] = _value(num.find(qn("w:abstractNumId"))) or ""
        for override in num.findall(qn("w:lvlOverride")):
            start = _int_value(override.find(qn("w:startOverride")))
            if start is not None:
                numbering.start_overrides.setdefault(num_id, {})[int(override.get(qn("w:ilvl"), "0"))] = start


def _read_styles(root, numbering: ListNumbering) -> None:
    for style in root.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        parent = _value(style.find(qn("w:basedOn")))
        if parent:
            numbering.style_parent[style_id] = parent
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num_id, level = _value(num_pr.find(qn("w:numId"))), _int_value(num_pr.find(qn("w:ilvl")))
            numbering.style_numbering[style_id] = (num_id, level)


def formatted(number: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter") and number > 0:
        letters = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)  # Word repeats: y, z, aa, bb
        return letters if number_format == "lowerLetter" else letters.upper()
    if number_format in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        numeral = roman(number)
        return numeral if number_format == "lowerRoman" else numeral.upper()
    if number_format == "decimalZero":
        return f"{number:02d}"
    return str(number)


def roman(number: int) -> str:
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    result = ""
    for value, letters in numerals:
        count, number = divmod(number, value)
        result += letters * count
    return result


def _value(element) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _int_value(element) -> int | None:
    value = _value(element)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
