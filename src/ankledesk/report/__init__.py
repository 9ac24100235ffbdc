"""Qt-free printable output with reportlab: weekly logs, range exports, blank sheets."""
