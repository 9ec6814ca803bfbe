"""The same sources give the same pages, ids and export, byte for byte, wherever and whenever built."""

from __future__ import annotations

import os

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


def test_the_work_shared_over_processes_gives_the_pages_one_process_gives(tmp_path, monkeypatch):
    """Linking (the words of every text, mentions, follow-ups, the possibly related links) and rendering
    are shared out over the cores on a large archive: the demo's, shared out as if it were large, gives
    the same pages and export as in one process."""
    from demo import copy_demo

    from archive_builder import forked
    from archive_builder.build import build
    from archive_builder.config import load_config

    trees, original = [], forked.map_shared
    for cores in (1, 2):
        monkeypatch.setattr(forked, "MIN_SHARE", 1)
        monkeypatch.setattr(forked, "_cores", lambda cores=cores: cores)
        shared = []
        monkeypatch.setattr(forked, "map_shared", lambda f, items, shared=shared: shared.append(len(items)) or original(f, items))
        (tmp_path / f"cores-{cores}").mkdir()
        root = copy_demo(tmp_path / f"cores-{cores}")
        build(load_config(root), publish_site=False)
        # the words of every text, the mentions, the follow-ups, the possibly related links, and the pages
        assert len(shared) == 5
        trees.append(_tree(root / "docs"))
    assert trees[0].keys() == trees[1].keys()
    assert [path for path in trees[0] if trees[0][path] != trees[1][path]] == []


def test_work_shared_over_processes_comes_back_whole_and_in_order(monkeypatch):
    from archive_builder import forked

    monkeypatch.setattr(forked, "MIN_SHARE", 1)
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    pid = os.getpid()
    found = forked.map_shared(lambda items: [(n * n, os.getpid() != pid) for n in items], list(range(101)))
    assert [square for square, _ in found] == [n * n for n in range(101)]
    assert all(elsewhere for _, elsewhere in found)  # worked in forked processes, not here
    assert forked.run_all([lambda n=n: -n for n in range(5)]) == [0, -1, -2, -3, -4]
