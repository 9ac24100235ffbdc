"""The History screen (page.HistoryScreen) and the pieces Today and the summary share with it:
coaching hints, the self-check and the measurement form."""

from ankledesk.ui.history.page import HistoryScreen

__all__ = ["HistoryScreen"]
