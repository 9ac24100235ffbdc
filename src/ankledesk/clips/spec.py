"""What one drill's clip is: keyframes, view, highlighted parts, equipment and framing."""

from __future__ import annotations

from dataclasses import dataclass

from ankledesk.clips.canvas import Camera
from ankledesk.clips.pose import Key
from ankledesk.clips.props import Prop

VIEWS = ("side", "front", "quarter", "oblique", "inner", "medial")
# How the figure meets the floor and props (see `ankledesk.clips.ground`): "clear" places it by
# its anchors but lifts it out of any surface it would sink into; "rest" ignores the anchors'
# height and always sets its lowest point on the surface (gaits on the spot, free to bob);
# "keyed" is the anchors alone.
CONTACTS = ("clear", "rest", "keyed")


@dataclass(frozen=True)
class ClipSpec:
    """Everything needed to draw a drill's loop; the name and caption come from drills.toml.

    `poster` is the moment (s) the contact sheet shows, mid-clip by default; `trail` names a
    joint whose whole loop path is drawn faintly, with arrowheads (ankle circles); `inset` adds
    a magnified window on a point (usually the working foot) so ankle and toe detail stay
    readable, seen from `inset_view` if the foot's point shows better from another side.
    `contact` says how the figure meets the ground (see `CONTACTS`).
    """

    drill_id: str
    keys: tuple[Key, ...]
    view: str = "side"
    highlight: tuple[str, ...] = ()
    props: tuple[Prop, ...] = ()
    camera: Camera | None = None  # None: framed to fill the picture (`ankledesk.clips.framing`)
    # Frame only the body points whose names start with these (e.g. "r_foot", "r_toe"): a
    # close-up of the working foot as the main picture.
    frame_on: tuple[str, ...] = ()
    # Which leg is drawn as the near, lit one when the view alone would say otherwise: a
    # close-up of the right foot from the inside has the (out of frame) left leg nearer.
    near: str | None = None
    poster: float | None = None
    trail: str | None = None
    eyes_closed: bool = False
    inset: tuple[float, float] | None = None  # world point a magnified window centres on
    inset_scale: float = 520.0
    inset_left: bool = False
    inset_trail: bool = False  # draw the trail in the inset too
    inset_view: str | None = None  # the close-up's own camera (default: the clip's view)
    inset_on: str | None = None  # a joint the close-up follows sideways (`inset` then offsets)
    # Where the weight is on the working foot: (time s, spot) keys for a footprint close-up
    # (`ankledesk.clips.footprint`), shown in the close-up panel instead of a magnified view.
    pressure: tuple[tuple[float, str], ...] | None = None
    # One foot per square through a ladder, one step every `ladder_step` s: the close-up panel
    # shows the ladder from above with the footprints (`ankledesk.clips.ladder_map`).
    ladder_step: float | None = None
    # The close-up panel shows the body from straight above (`ankledesk.clips.top_view`).
    above: bool = False
    # The stretch of the loop (start, end s) in which the body holds still: a hold shows it.
    hold: tuple[float, float] | None = None
    floor: bool = True  # False when a prop draws its own ground (an incline)
    contact: str = "clear"

    def __post_init__(self) -> None:
        if self.view not in VIEWS:
            raise ValueError(f"{self.drill_id}: view must be one of {VIEWS}")
        if self.inset_view is not None and self.inset_view not in VIEWS:
            raise ValueError(f"{self.drill_id}: inset_view must be one of {VIEWS}")
        if self.contact not in CONTACTS:
            raise ValueError(f"{self.drill_id}: contact must be one of {CONTACTS}")
        if len(self.keys) < 2 or self.keys[0].t != 0:
            raise ValueError(f"{self.drill_id}: needs keyframes starting at t=0")

    @property
    def duration(self) -> float:
        return self.keys[-1].t

    @property
    def poster_time(self) -> float:
        return self.duration / 2 if self.poster is None else self.poster
