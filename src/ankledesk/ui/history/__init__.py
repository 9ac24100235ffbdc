"""The History screen (page.HistoryScreen) and the pieces Today and the summary share with it:
coaching hints, the self-check and the measurement form.

Nothing is imported here: Today needs the hints at start-up, and the screen's charts
(QtCharts) must stay off that path until History is first shown.
"""
