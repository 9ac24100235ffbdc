"""AnkleDesk: ankle and foot drills on a laptop at the gym."""

__version__ = "0.1.0"
