"""Pure work shared out over the machine's cores, by forking.

Linking and rendering a large archive are long runs of pure Python over one big structure in memory.
Forked processes inherit that structure as it is (nothing is copied or pickled on the way in) and send
back only their results, in the order of the work, so the output is the same as from one process.
Where forking is not available, or the machine has one core, the work runs here, one piece at a time.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

A = TypeVar("A")
T = TypeVar("T")

MIN_SHARE = 64  # fewer items than this to a process are not worth starting one for

_job: tuple[Callable, Sequence] | None = None  # what the forked processes run: set just before they start


def map_shared(function: Callable[[Sequence[A]], list[T]], items: Sequence[A]) -> list[T]:
    """function(items), shared out over the cores: each process calls `function` once, with its share
    of `items` (every n-th one, as neighbours tend to cost alike), and gets back one result per item;
    the results come back in the order of `items`. `function` must be pure (what it changes in memory
    is lost with its process) and its results picklable."""
    workers = min(_cores(), len(items) // MIN_SHARE)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return list(function(items))
    global _job
    _job = (function, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            shares = pool.map(_run_share, [(first, workers) for first in range(workers)])
    finally:
        _job = None
    results: list = [None] * len(items)
    for first, share in enumerate(shares):
        results[first::workers] = share
    return results


def run_all(work: Sequence[Callable[[], T]]) -> list[T]:
    """[piece() for piece in work], shared out over the cores."""
    return map_shared(_run_each, work)


def _run_each(work: Sequence[Callable[[], T]]) -> list[T]:
    return [piece() for piece in work]


def _run_share(share: tuple[int, int]) -> list:
    function, items = _job
    first, step = share
    mine = items[first::step]
    found = list(function(mine))
    if len(found) != len(mine):
        raise ValueError(f"{function.__name__} gave {len(found)} results for {len(mine)} items")
    return found


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
