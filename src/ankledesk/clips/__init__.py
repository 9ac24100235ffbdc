"""The demo-clip generator: QPainter frames of an articulated figure, encoded to H.264."""
