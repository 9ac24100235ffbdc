"""What History (and Today) read besides the sessions: measurements and the self-check, cached.

The AppContext caches the sessions; measurements live in the history folder beside them, so
they are read once and read again whenever the history changes (a workout saved, an edit, a
measurement added: `sessions_changed()`), exactly as the sessions are. The self-check is
routine data, read once per context.
"""

from __future__ import annotations

import logging
from typing import Any
from weakref import WeakKeyDictionary

from ankledesk import paths
from ankledesk.core.selfcheck import SELF_CHECK_FILE, Sign, load_self_check
from ankledesk.store.measurements import MeasurementLog
from ankledesk.ui.context import AppContext

log = logging.getLogger(__name__)

# Per context: (the context's generation they were read in, the measurements). The generation
# moves on whenever the history changes, so a different one means "read again", whatever
# order the history_changed slots run in.
_measurements: WeakKeyDictionary[AppContext, tuple[int, list[dict[str, Any]]]] = \
    WeakKeyDictionary()
_signs: WeakKeyDictionary[AppContext, list[Sign]] = WeakKeyDictionary()


def measurement_log(context: AppContext) -> MeasurementLog:
    return MeasurementLog(context.store)


def measurements(context: AppContext) -> list[dict[str, Any]]:
    """Every readable measurement, oldest first (cached until the history changes)."""
    generation = context.generation
    cached = _measurements.get(context)
    if cached is not None and cached[0] == generation:
        return cached[1]
    measurements = measurement_log(context)
    found = measurements.all()
    for line in measurements.skipped:
        log.warning("skipped %s", line)
    _measurements[context] = (generation, found)
    return found


def self_check(context: AppContext) -> list[Sign]:
    """The self-check's signs; a broken file is logged and the signs that load are kept."""
    found = _signs.get(context)
    if found is None:
        found, problems = load_self_check(paths.builtin_routines_dir() / SELF_CHECK_FILE,
                                          context.library.routines, context.parsed_toml.read)
        context.parsed_toml.save()
        for problem in problems:
            log.warning("%s", problem)
        _signs[context] = found
    return found
