"""The footprint close-up: the working foot seen from above, and a marker showing where the
weight is on it.

Where the foot is loaded (big toe, little toes, outer edge, heel) cannot be seen on a body from
any side; a coach points at the sole instead. This draws a right foot's print, toes up, big toe
on the left (as you look down at your own right foot), and a glowing marker that moves between
named spots inside it as the clip's `pressure` keys say; the left-side clip mirrors it into a
left foot with everything else.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ankledesk.clips import canvas
from ankledesk.clips.pose import ease

# Spots on the sole, (across, along): across -1 = big-toe side .. +1 = little-toe side,
# along 0 = back of the heel .. 1 = tip of the big toe.
SPOTS: dict[str, tuple[float, float]] = {
    "centre": (0.05, 0.45), "heel": (0.05, 0.1), "outer_heel": (0.45, 0.12),
    "outer_edge": (0.62, 0.45), "little_toes": (0.62, 0.8), "little_toe_base": (0.55, 0.68),
    "big_toe": (-0.55, 0.93), "big_toe_base": (-0.45, 0.72),
}
# The print's outline, (across, along), heel first, round the little-toe side.
OUTLINE = ((0.0, 0.0), (0.38, 0.04), (0.55, 0.2), (0.62, 0.45), (0.7, 0.66), (0.62, 0.74),
           (0.2, 0.77), (-0.2, 0.78), (-0.62, 0.76), (-0.72, 0.66), (-0.5, 0.55), (-0.3, 0.4),
           (-0.36, 0.2), (-0.3, 0.04))
TOES = ((-0.52, 0.9, 0.2), (-0.16, 0.86, 0.13), (0.12, 0.84, 0.12), (0.36, 0.81, 0.11),
        (0.56, 0.77, 0.1))  # across, along, radius (in foot lengths)


def pressure_at(keys: Sequence[tuple[float, str]], time: float) -> tuple[float, float]:
    """The marker's spot at `time`, eased from one keyed spot to the next."""
    if time <= keys[0][0]:
        return SPOTS[keys[0][1]]
    for (ta, a), (tb, b) in itertools.pairwise(keys):
        if ta <= time <= tb:
            k = ease((time - ta) / (tb - ta)) if tb > ta else 1.0
            (ax, ay), (bx, by) = SPOTS[a], SPOTS[b]
            return (ax + (bx - ax) * k, ay + (by - ay) * k)
    return SPOTS[keys[-1][1]]


def paint(p: QPainter, box: QRectF, keys: Sequence[tuple[float, str]], time: float,
          duration: float) -> None:
    """The print filling `box`, the marker where the weight is, a fading trail behind it."""
    length = box.height() * 0.86
    half = length * 0.34  # the foot's half-width at across = 1

    def at(spot: tuple[float, float]) -> QPointF:
        return QPointF(box.center().x() + spot[0] * half,
                       box.bottom() - box.height() * 0.07 - spot[1] * length)

    path = QPainterPath(at(OUTLINE[0]))
    for corner in OUTLINE[1:]:
        path.lineTo(at(corner))
    path.closeSubpath()
    p.setPen(QPen(canvas.FIGURE_FAR, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(QColor("#2d394a"))
    p.drawPath(path)
    for across, along, radius in TOES:
        p.drawEllipse(at((across, along)), radius * half * 0.95, radius * half * 1.15)
    trail = QColor(canvas.ACCENT)
    for i in range(12, 0, -1):  # the last half second, fading
        t = (time - i * 0.04) % duration
        trail.setAlpha(int(110 * (1 - i / 13)))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(trail)
        p.drawEllipse(at(pressure_at(keys, t)), 7.0, 7.0)
    marker = at(pressure_at(keys, time))
    for r, alpha in ((26.0, 50), (19.0, 90)):
        glow = QColor(canvas.ACCENT)
        glow.setAlpha(alpha)
        p.setBrush(glow)
        p.drawEllipse(marker, r, r)
    p.setBrush(canvas.ACCENT)
    p.setPen(QPen(canvas.ACCENT_EDGE, 2))
    p.drawEllipse(marker, 12.0, 12.0)
