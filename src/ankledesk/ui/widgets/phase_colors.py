"""Phase colours (docs/design.md): the phase is told by colour and by word, never by colour alone.

Each background is paired with the text colour that reads on it from across the room (contrast
of at least 4.5:1), the same in light and dark themes: the bar is the loudest thing on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class PhaseStyle:
    word: str
    background: str
    text: str

    @property
    def qbackground(self) -> QColor:
        return QColor(self.background)

    @property
    def qtext(self) -> QColor:
        return QColor(self.text)


PHASES: dict[str, PhaseStyle] = {
    "ready": PhaseStyle("READY", "#5f6368", "#ffffff"),
    "prepare": PhaseStyle("PREPARE", "#f9ab00", "#1b1b1b"),
    "work": PhaseStyle("WORK", "#137333", "#ffffff"),
    "switch": PhaseStyle("SWITCH SIDES", "#e8710a", "#1b1b1b"),
    "rest": PhaseStyle("REST", "#1a5fb4", "#ffffff"),
    "done": PhaseStyle("DONE", "#7b1fa2", "#ffffff"),
}
PAUSED = PhaseStyle("PAUSED", "#3c4043", "#ffffff")


def style_for(phase: str, paused: bool = False) -> PhaseStyle:
    if paused:
        return PAUSED
    return PHASES.get(phase, PHASES["ready"])
