"""Light and dark. The app follows the system's theme (the platform gives Qt its palette); a
palette is set here only when asked for, so the demo and the screenshots can show both themes
on a machine that has no desktop theme at all (Xvfb)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_DARK = {
    QPalette.ColorRole.Window: "#1f2124",
    QPalette.ColorRole.WindowText: "#f1f3f4",
    QPalette.ColorRole.Base: "#16181b",
    QPalette.ColorRole.AlternateBase: "#2a2d31",
    QPalette.ColorRole.Text: "#f1f3f4",
    QPalette.ColorRole.Button: "#33363b",
    QPalette.ColorRole.ButtonText: "#f1f3f4",
    QPalette.ColorRole.Highlight: "#8ab4f8",
    QPalette.ColorRole.HighlightedText: "#111111",
    QPalette.ColorRole.ToolTipBase: "#2a2d31",
    QPalette.ColorRole.ToolTipText: "#f1f3f4",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.Mid: "#44474c",
    QPalette.ColorRole.Dark: "#111214",
    QPalette.ColorRole.Light: "#4a4d52",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#f1f3f4",
    QPalette.ColorRole.WindowText: "#1b1b1b",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#ffffff",
    QPalette.ColorRole.Text: "#1b1b1b",
    QPalette.ColorRole.Button: "#e4e6e8",
    QPalette.ColorRole.ButtonText: "#1b1b1b",
    QPalette.ColorRole.Highlight: "#1a5fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#6b6f74",
}


_DISABLED_LIGHT = {
    QPalette.ColorRole.WindowText: "#9aa0a6",
    QPalette.ColorRole.Text: "#9aa0a6",
    QPalette.ColorRole.ButtonText: "#9aa0a6",
    QPalette.ColorRole.Button: "#eceef0",
    QPalette.ColorRole.Base: "#f7f8f9",
}
_DISABLED_DARK = {
    QPalette.ColorRole.WindowText: "#6b6f74",
    QPalette.ColorRole.Text: "#6b6f74",
    QPalette.ColorRole.ButtonText: "#6b6f74",
    QPalette.ColorRole.Button: "#2a2d31",
    QPalette.ColorRole.Base: "#1b1d20",
}


def apply_theme(app: QApplication, theme: str) -> None:
    if theme == "system":
        return
    app.setStyle("Fusion")
    palette = QPalette(app.style().standardPalette())
    for role, colour in (_DARK if theme == "dark" else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    # Disabled: the same surfaces, greyed text (a darker button would read as pressed).
    for role, colour in (_DISABLED_DARK if theme == "dark" else _DISABLED_LIGHT).items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    app.setPalette(palette)
