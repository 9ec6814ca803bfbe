"""What came of each action a decision set: the later item that answers it, and the action's status.

An action's due point picks the meeting where its answer belongs: "the next meeting" (the meeting the
minutes fixed as the next, else the committee's next one), a month ("report back in March") or a date.
There, the item of the same series as the decision's item answers it; failing that, the item whose
words the index ranks closest to the action's, if close enough. An action with no due point is
answered by the next items of its series that speak of the same thing.

Status, judged against the latest meeting the archive holds (never the clock, so builds stay
deterministic): followed-up when an answer was found; overdue when its meeting or date has passed
with none; open otherwise.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from archive_builder import forked
from archive_builder.link.series import procedural
from archive_builder.link.similarity import Similarity
from archive_builder.model import Action, ActionStatus, Archive, Item, Link, LinkKind, Meeting, MeetingStatus, Resolution

# Tuned on the corpora (tests/test_links_*.py hold what must and must not be linked):
ANSWERS = 0.12  # cosine of an action with the item of its due meeting that answers it, where no series says so
CLEARLY_CLOSER = 0.1  # ... by which another item must beat the series' item to be the answer instead
SAME_SERIES_SPEAKS = 0.25  # an undated action is answered by its series' next item only if their words meet this well
LOOK_AHEAD = 3  # meetings searched for the answer to an action with no due point


def follow_ups(archive: Archive, similarity: Similarity) -> tuple[list[Link], dict[str, list[str]]]:
    """The links from each action's answer to its decision, and every action's status (resolution id
    -> its actions' statuses, in order); the meetings shared out over the cores (an action's answer
    depends on no other action's)."""
    by_committee: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in sorted(archive.meetings, key=lambda m: m.date):
        if meeting.status != MeetingStatus.REFERENCED:
            by_committee[meeting.committee].append(meeting)
    next_of = {link.from_.split("/")[0] + "/" + link.from_.split("/")[1]: link.to for link in archive.links if link.kind == LinkKind.NEXT_MEETING}
    meetings = {m.id: m for m in archive.meetings}
    known = _Known(
        by_committee=by_committee,
        fixed_next={meeting: meetings[to] for meeting, to in next_of.items() if to in meetings},
        latest=max((m.date for m in archive.meetings if m.status in (MeetingStatus.HELD, MeetingStatus.SCHEDULED)), default=None),
        similarity=similarity,
    )
    links: list[Link] = []
    statuses: dict[str, list[str]] = {}
    found = forked.map_shared(functools.partial(_follow_ups_of_meetings, known), archive.meetings)
    for meeting, (answers, judged) in zip(archive.meetings, found, strict=True):
        links += answers
        judged = iter(judged)
        for resolution in _judged_resolutions(meeting):
            statuses[resolution.id] = [next(judged) for _ in resolution.actions]
    return links, statuses


@dataclass(frozen=True)
class _Known:
    by_committee: dict[str, list[Meeting]]  # each committee's meetings that have documents, oldest first
    fixed_next: dict[str, Meeting]  # meeting id -> the next meeting its minutes fixed
    latest: str | None  # the date of the latest meeting held or scheduled
    similarity: Similarity


def _follow_ups_of_meetings(known: _Known, meetings: list[Meeting]) -> list[tuple[list[Link], list[str]]]:
    """Each meeting's answers to its actions, and its actions' statuses (in the order of
    _judged_resolutions): what a forked process sends back."""
    return [_follow_ups_of_meeting(known, meeting) for meeting in meetings]


def _follow_ups_of_meeting(known: _Known, meeting: Meeting) -> tuple[list[Link], list[str]]:
    later = [m for m in known.by_committee[meeting.committee] if m.date > meeting.date]
    links, statuses = [], []
    for item in meeting.items:
        if item.exempt:
            continue  # nothing of it is published, its actions included
        for resolution in item.resolutions:
            for action in resolution.actions:
                due = _due_meeting(action, meeting, later, known.fixed_next.get(meeting.id))
                answer = _answer(action, item, due, later, known.similarity)
                if answer is not None:
                    answering, evidence = answer
                    links.append(Link(answering.id, resolution.id, LinkKind.FOLLOW_UP, evidence))
                    statuses.append(ActionStatus.FOLLOWED_UP)
                else:
                    statuses.append(_unanswered_status(action, due, known.latest))
    return links, statuses


def _judged_resolutions(meeting: Meeting) -> list[Resolution]:
    """The meeting's resolutions whose actions follow_ups judges (none of an exempt item), in its order."""
    return [r for item in meeting.items if not item.exempt for r in item.resolutions]


def _due_meeting(action: Action, meeting: Meeting, later: list[Meeting], fixed_next: Meeting | None) -> Meeting | None:
    if action.due == "next-meeting":
        if fixed_next is not None and fixed_next.committee == meeting.committee:
            return fixed_next
        return later[0] if later else None
    if action.due:
        return next((m for m in later if m.date[: len(action.due)] >= action.due), None)
    return None


def _answer(action: Action, item: Item, due: Meeting | None, later: list[Meeting], similarity: Similarity):
    """(answering item, evidence) or None."""
    if due is not None:
        candidates = _business(due)
        ranked = _ranked(action.text, candidates, similarity)
        same_series = [c for c in candidates if item.series and c.series == item.series]
        best = ranked[0] if ranked and ranked[0][1].score >= ANSWERS and len(ranked[0][1].shared) >= 2 else None
        if same_series:
            series_score = next((m.score for c, m in ranked if c is same_series[0]), 0.0)
            if best is None or best[0] is same_series[0] or best[1].score < series_score + CLEARLY_CLOSER:
                return same_series[0], _evidence(action, same_series[0], due, "the next item of the same series")
        if best:
            return best[0], _evidence(action, best[0], due, f"words in common: {', '.join(best[1].shared[:5])}")
        return None
    if not item.series:
        return None
    for meeting in later[:LOOK_AHEAD]:
        for candidate in _business(meeting):
            if candidate.series != item.series:
                continue
            ranked = _ranked(action.text, [candidate], similarity)
            match = ranked[0] if ranked else None
            if match and match[1].score >= SAME_SERIES_SPEAKS and len(match[1].shared) >= 2:
                return candidate, _evidence(action, candidate, meeting, f"the series' next item speaks of it: {', '.join(match[1].shared[:5])}")
    return None


def _business(meeting: Meeting) -> list[Item]:
    return [i for i in meeting.items if not i.exempt and not procedural(i.title)]


def _ranked(text: str, candidates: list[Item], similarity: Similarity) -> list:
    """(item, match) for the candidates whose words meet the text's, closest first."""
    by_id = {c.id: c for c in candidates}
    return [(by_id[m.id], m) for m in similarity.ranked(text, list(by_id))]


def _evidence(action: Action, item: Item, meeting: Meeting, why: str) -> str:
    due = {"next-meeting": "due at the next meeting"}.get(action.due or "", f"due {action.due}" if action.due else "no date set")
    return f"\u201c{_short(action.text)}\u201d ({due}); answered by {meeting.date} item {item.number or item.minute_number or ''} \u201c{item.title}\u201d: {why}"


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _unanswered_status(action: Action, due: Meeting | None, latest: str | None) -> ActionStatus:
    if due is not None and latest and due.date <= latest:
        return ActionStatus.OVERDUE
    if action.due and action.due != "next-meeting" and latest and latest[: len(action.due)] > action.due:
        return ActionStatus.OVERDUE
    return ActionStatus.OPEN
