"""The body seen from straight above, for the close-up panel: what turns about the vertical.

A trunk twist cannot be seen from the side (the chest only looks wider) and barely from the
front; from above it is plain: the shoulders' line turns against the hips' line while the feet
stay put. This draws the solved body's feet, hips, shoulders, arms and head from above, the
figure facing up the panel (its right is your right), so the left-side clip mirrors it like
everything else.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ankledesk.clips import canvas
from ankledesk.clips.pose import Pose
from ankledesk.clips.skeleton import HEAD_R, solve

SPAN = 1.3  # metres of floor the panel's height shows


def paint(p: QPainter, box: QRectF, pose: Pose, lit: frozenset[str]) -> None:
    """Feet, hips, arms, shoulders and head of `pose` from above, centred on the pelvis."""
    body = solve(pose)
    scale = box.height() / SPAN
    centre = QPointF(box.center().x(), box.center().y() + box.height() * 0.08)

    def at(name: str) -> QPointF:
        fwd, left, _ = body.joints[name]
        return QPointF(centre.x() - left * scale, centre.y() - fwd * scale)

    def line(a: str, b: str, width: float, color: QColor) -> None:
        p.setPen(QPen(color, width * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(at(a), at(b))

    for side in ("l", "r"):  # feet: heel to toe tip
        color = QColor(canvas.ACCENT if f"{side}_foot" in lit else canvas.FIGURE_FAR)
        line(f"{side}_heel", f"{side}_toe", 0.09, color)
    line("l_hip", "r_hip", 0.13, QColor(canvas.FIGURE_FAR))
    for side in ("l", "r"):
        line(f"{side}_shoulder", f"{side}_elbow", 0.07, QColor(canvas.FIGURE))
        line(f"{side}_elbow", f"{side}_hand", 0.06, QColor(canvas.FIGURE))
    chest = QColor(canvas.ACCENT if "trunk" in lit else canvas.FIGURE)
    line("l_shoulder", "r_shoulder", 0.12, chest)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(canvas.FIGURE)
    p.drawEllipse(at("head"), HEAD_R * scale, HEAD_R * scale)
    nose = at("face")
    p.setBrush(canvas.FIGURE_FAR)
    p.drawEllipse(nose, HEAD_R * scale * 0.3, HEAD_R * scale * 0.3)
