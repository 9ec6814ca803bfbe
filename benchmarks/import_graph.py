"""The builder's import graph, stage by stage: which folder imports which, and any circle between
modules (imports under `if TYPE_CHECKING:` left out: they do not run).

    .venv/bin/python benchmarks/import_graph.py
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PACKAGES = ("archive_builder", "search")


def module_of(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
               for n in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from archive_builder.render import raw_html" imports the module, not the package's __init__ alone
            modules = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in known]
            names = modules + ([node.module] if len(modules) < len(node.names) else [])
        found |= {n for n in names if n in known}
    return found


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[0] if parts[0] == "search" else ".".join(parts[:2])


# The stages in the order of the data flow (guide/architecture.md): each may import only those before
# it, and none the machinery of incremental builds, which build.py wraps around them.
FLOW = ("archive_builder.extract", "archive_builder.parse", "archive_builder.sources", "archive_builder.assemble",
        "search", "archive_builder.link", "archive_builder.render", "archive_builder.publish", "archive_builder.report")
INCREMENTAL = "archive_builder.incremental"


def module_graph() -> dict[str, set[str]]:
    """Every module of the project -> the project's modules it imports."""
    files = {module_of(p): p for package in PACKAGES for p in (PROJECT / package).rglob("*.py")}
    return {m: imports_of(p, set(files)) - {m} for m, p in files.items()}


def stage_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each stage (a folder of archive_builder/, or search/) -> the other stages it imports."""
    stages = defaultdict(set)
    for module, targets in graph.items():
        stages[stage(module)] |= {stage(t) for t in targets} - {stage(module)}
    return dict(stages)


def against_the_flow(stages: dict[str, set[str]]) -> list[str]:
    """'a -> b' for each stage that imports a later stage of the flow, or the incremental machinery."""
    found = []
    for name in FLOW:
        later = set(FLOW[FLOW.index(name) + 1:]) | {INCREMENTAL}
        found += [f"{name} -> {target}" for target in sorted(stages.get(name, set()) & later)]
    return found


def main() -> None:
    graph = module_graph()
    stages = stage_graph(graph)
    for name in sorted(stages):
        print(f"{name:<36} -> {', '.join(sorted(stages[name])) or '-'}")
    circles = _circles(graph)
    print("\nno circles between modules" if not circles else "\ncircles:\n" + "\n".join(" -> ".join(c) for c in circles))
    backwards = against_the_flow(stages)
    print("every stage imports only the stages before it, and no stage the incremental machinery" if not backwards
          else "against the flow:\n" + "\n".join(backwards))
    sys.exit(1 if circles or backwards else 0)


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle through each strongly connected group of modules (Tarjan's algorithm)."""
    index, low, on, stack, groups, counter = {}, {}, set(), [], [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


if __name__ == "__main__":
    main()
