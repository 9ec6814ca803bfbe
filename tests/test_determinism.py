"""The same sources give the same pages, ids and export, byte for byte, wherever and whenever built."""

from __future__ import annotations

from demo import build_demo


def _tree(root):
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_two_builds_of_the_demo_give_identical_pages_and_export(demo_site, tmp_path):
    again = build_demo(tmp_path)
    assert again.completed.returncode == 0, again.completed.stderr
    first, second = _tree(demo_site.root / "docs"), _tree(again.root / "docs")
    assert first.keys() == second.keys()
    changed = [path for path in first if first[path] != second[path]]
    assert changed == []
    assert (demo_site.site_dir / "data" / "archive.json").read_bytes() == (again.site_dir / "data" / "archive.json").read_bytes()
