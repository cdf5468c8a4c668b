"""Does the session asked for fit the base? A draft carries its base to a later session.

A resolution comes back every session, or every second or third for the items taken biennially or
triennially; a series left for longer is usually redrafted from a newer text. So a draft for the
base's own session or an earlier one, or for more than MAX_GAP sessions after it, is most often a
slip (`--session 58` for 68, or a base from the wrong decade) and is confirmed before drafting.
"""

from __future__ import annotations

from drafter.assemble.base import Base

MAX_GAP = 10


def session_problem(base: Base, session: int) -> str | None:
    """Why drafting `base` for `session` looks like a mistake, in one line; None when it fits
    (or when the base does not say its session)."""
    if base.session is None:
        return None
    adopted = f"{base.number} is of session {base.session}"
    if session == base.session:
        return f"session {session} is the base's own session ({adopted}); a draft is for a later one"
    if session < base.session:
        return f"session {session} is before the base's ({adopted}); a draft is for a later session"
    if session - base.session > MAX_GAP:
        return (f"session {session} is {session - base.session} sessions after the base ({adopted}); "
                f"a base more than {MAX_GAP} sessions old is unusual")
    return None
