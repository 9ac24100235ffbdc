"""Write the cue tones into resources/sounds/*.wav (committed; re-run after changing tones.py).

    .venv/bin/python scripts/make_sounds.py

The output is deterministic: the same tones.py gives byte-identical files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ankledesk.ui.workout.tones import TONES, write_wav

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "sounds"


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for tone in TONES.values():
        path = write_wav(tone, TARGET)
        print(f"{path.relative_to(ROOT)}  {tone.sound_seconds * 1000:.0f} ms + silence, "
              f"first note {tone.first_hz:g} Hz, peak {tone.peak_dbfs:g} dBFS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
