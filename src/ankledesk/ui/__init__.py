"""Everything PySide6 and python-vlc: windows, the workout screen, video, sound cues."""
