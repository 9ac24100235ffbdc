"""A voice process that starts, says it is speaking, and never finishes: what speech-dispatcher
does when it has no sound server, made reproducible (that one depends on how its audio output
fails to start). Speaks voice_host.py's protocol; used by tests/sound/test_voice.py."""

from __future__ import annotations

import json
import sys

print(json.dumps({"ready": {"engine": "stuck", "voice": "Stuck", "locale": "en_US"}}),
      flush=True)
for line in sys.stdin:
    message = json.loads(line)
    if "say" in message:
        print(json.dumps({"speaking": message["say"]}), flush=True)
