"""The app: start-up to the first paint, key → repaint, CPU of a running workout, and memory
over a whole circuit; each against its baseline in the same run (see NOTES)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Row, median, ms, percentile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

START_RUNS = 21
KEY_PRESSES = 100
NEXT_PRESSES = 50
CPU_SECONDS = 60.0
WINDOW = (1280, 720)

NOTES = """
## App

- **Start → main window painted**: wall time from starting the process to the end of the
  window's first paint (the first UpdateRequest handled, which paints the whole window), median
  of 21 runs each, alternating, after one warm-up start of each (bytecode cached, as on a
  user's machine). Ours is `python -m ankledesk --exit-after-paint`
  on an empty data folder (store opened, routines loaded, Today computed; libvlc, the clip view
  and the History page are created only when first shown). The baseline is a bare
  `QApplication` + `QWidget.show()` measured the same way.
- **Start-up tricks**: what each trick of the start saves, measured by starting the app with
  that one trick patched away (a launcher does it; every variant, as shipped included, starts
  through it), median of 15 rounds, the variants taking turns. Painting without Qt's namespace
  enums is code, not a switch: its row is what building that namespace costs on first use.
  A trick is kept only where it saves at least 10 ms (all four do: see the rows).
- **Key → repaint**: in one process, the real window on the real clock running the chassis
  circuit; the time from sending the key to the end of the paint it caused (the window's
  UpdateRequest handled), over 100 presses of Space (pause, resume, …) and 50 of → (next step,
  which also switches the clip).
- **CPU of a running workout**: the process's user+system CPU over 60 s of the chassis circuit
  at real speed (its clip playing, the timer ticking), against libvlc alone looping the same
  clip in a bare window of the same size as our video area; both measured from /proc after a
  3 s start.
- **RSS over a circuit**: the whole 4-round chassis circuit (40 sets) at 60× speed with Done
  pressed on every reps set; VmRSS at the summary minus VmRSS once the first set has started.
"""

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget(); w.resize(1280, 800)
class First(QObject):
    seen = False
    def eventFilter(self, o, e):
        if not self.seen and e.type() == QEvent.Type.UpdateRequest:
            self.seen = True
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False
f = First(); w.installEventFilter(f); w.show(); app.exec()
"""

CIRCUIT = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from ankledesk.core.autopilot import reps_done_at
from ankledesk.ui.app import build_window, create_application
from ankledesk.ui.workout.clock import MonotonicClock, ScaledClock

mode, data = sys.argv[1], Path(sys.argv[2])
app = create_application()
clock = ScaledClock(60.0) if mode == "memory" else MonotonicClock()
window = build_window(data, clock=clock)
window.move(0, 0); window.resize(1280, 720); window.show()

def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

state = {"done_at": None, "base": None}
def start():
    flow = window.start_routine("runners-chassis-circuit")
    def on_events(events):
        for e in events:
            if e.kind == "step_started":
                state["done_at"] = reps_done_at(e)
                if state["base"] is None and e.step.is_work:
                    QTimer.singleShot(500, lambda: state.__setitem__("base", rss()))
    flow.driver.events.connect(on_events)
    def tick():
        if flow.summary is not None:
            print(f"{state['base']:.1f} {rss():.1f}", flush=True)
            flow.summary.save(); app.quit(); return
        if state["done_at"] is not None and clock.now() >= state["done_at"]:
            state["done_at"] = None
            flow.driver.complete()
    timer = QTimer(window); timer.timeout.connect(tick); timer.start(20)
    if mode == "cpu":
        print("running", flush=True)
QTimer.singleShot(200, start)
app.exec()
"""

VLC_ALONE = """
import sys, time
import vlc
from PySide6.QtWidgets import QApplication, QFrame
from ankledesk.ui.video import attach_window
app = QApplication(sys.argv[:1])
frame = QFrame(); frame.resize(int(sys.argv[2]), int(sys.argv[3])); frame.show()
instance = vlc.Instance(["--quiet", "--no-audio"])
player = instance.media_player_new()
attach_window(player, int(frame.winId()))
player.set_media(instance.media_new(sys.argv[1], "input-repeat=65535"))
player.play()
print("running", flush=True)
app.exec()
"""


def _env() -> dict[str, str]:
    """As on a user's machine: bytecode cached (this workplace sets PYTHONDONTWRITEBYTECODE,
    which would make every start compile the app from source)."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}", "QT_QPA_PLATFORM": "xcb"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _until_line(args: list[str], word: str) -> float:
    """Seconds from starting `args` to it printing `word` (then it is left to finish)."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=_env(), cwd=ROOT)
    line = proc.stdout.readline().strip()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=60)
    if line != word:
        raise RuntimeError(f"{args}: expected {word!r}, got {line!r}")
    return elapsed


def start_up() -> list[Row]:
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as data:
        # One start each first: bytecode written, files in the page cache.
        _until_line([sys.executable, "-m", "ankledesk", "--data-dir", data, "--exit-after-paint"],
                    "painted")
        _until_line([sys.executable, "-c", BARE], "painted")
        for _ in range(START_RUNS):
            ours.append(_until_line([sys.executable, "-m", "ankledesk", "--data-dir", data,
                                     "--exit-after-paint"], "painted"))
            bare.append(_until_line([sys.executable, "-c", BARE], "painted"))
    ratio = median(ours) / median(bare)
    return [Row("app: start → main window painted", "median",
                f"{median(ours):.3f} s ({ratio:.2f}×)", f"{median(bare):.3f} s bare Qt",
                "≤ 1.5× bare", ratio <= 1.5)]


# Each start-up trick, turned off one at a time by a launcher that patches it away before the
# app starts (the app itself has no switch for them). Every variant, "as shipped" included,
# starts through the same launcher, so the launcher's own cost is in all of them alike.
LAUNCH = """
import sys
trick = sys.argv[1]
if trick == "gc":  # entry.py's gc.disable() and app.py's gc.freeze(): both become no-ops
    import gc
    gc.disable = lambda: None
    gc.freeze = lambda: None
elif trick == "before-qt":  # ui/before_qt.py: Qt-free layers first, marked in PySide6's table
    import ankledesk.ui.before_qt as before_qt
    before_qt.import_qt_free_first = lambda: None
elif trick == "argparse":  # cli._window_args: the window's few arguments read without argparse
    import ankledesk.cli as cli
    cli._window_args = lambda argv: None
sys.argv = ["ankledesk", "--data-dir", sys.argv[2], "--exit-after-paint"]
from ankledesk.entry import main
sys.exit(main(sys.argv[1:]))
"""
TRICKS = {
    "gc": "gc.disable() until the commands load, gc.freeze() at the first paint",
    "before-qt": "Qt-free layers imported before PySide6 and marked in its import table",
    "argparse": "the window's arguments read without argparse",
}
TRICK_RUNS = 15

# What painting.py's namespace-free drawing spares: the first use of one of Qt's namespace
# enums (PySide6 builds all ~90 of them at once), in a fresh interpreter with Qt loaded.
QT_NAMESPACE = """
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
started = time.perf_counter()
from PySide6.QtCore import Qt
Qt.AlignmentFlag.AlignLeft
print(f"{time.perf_counter() - started:.6f}", flush=True)
"""


def start_up_tricks() -> list[Row]:
    """What each trick of the start saves, on this machine now (keep one only if ≥ 10 ms)."""
    variants = ["as shipped", *TRICKS]
    times: dict[str, list[float]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as data:
        for variant in variants:  # warm-up: bytecode written, files in the page cache
            _until_line([sys.executable, "-c", LAUNCH, variant, data], "painted")
        for _ in range(TRICK_RUNS):
            for variant in variants:
                times[variant].append(
                    _until_line([sys.executable, "-c", LAUNCH, variant, data], "painted"))
    shipped = median(times["as shipped"])
    rows = []
    for trick, what in TRICKS.items():
        saved = median(times[trick]) - shipped
        rows.append(Row(f"start-up trick: {what}", f"saves (median of {TRICK_RUNS})",
                        ms(saved), f"{shipped:.3f} s as shipped", "keep if ≥ 10 ms",
                        saved >= 0.010))
    built = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", QT_NAMESPACE], capture_output=True,
                             text=True, env=_env(), cwd=ROOT, timeout=60, check=True)
        built.append(float(out.stdout.strip()))
    rows.append(Row("start-up trick: the first paint draws without Qt's namespace enums",
                    "saves (building them, median of 5)", ms(median(built)), "",
                    "keep if ≥ 10 ms", median(built) >= 0.010))
    return rows


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_over(args: list[str]) -> float:
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=_env(), cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == "running"
        time.sleep(3.0)
        before = _cpu_seconds(proc.pid)
        time.sleep(CPU_SECONDS)
        return _cpu_seconds(proc.pid) - before
    finally:
        proc.kill()
        proc.wait(timeout=30)


def cpu() -> list[Row]:
    with tempfile.TemporaryDirectory() as data:
        ours = _cpu_over([sys.executable, "-c", CIRCUIT, "cpu", data])
    # The chassis circuit's first clip (prepare and the first set show the left RDL), at the
    # size of our video area in a 1280×720 window.
    clip = ROOT / "media" / "single-leg-rdl.left.mp4"
    alone = _cpu_over([sys.executable, "-c", VLC_ALONE, str(clip), "678", "545"])
    ratio = ours / alone
    return [Row("app: CPU of a running workout, 60 s", "CPU seconds",
                f"{ours:.1f} s ({ratio:.2f}×)", f"{alone:.1f} s libvlc alone",
                "≤ 1.5× libvlc", ratio <= 1.5)]


def memory() -> list[Row]:
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run([sys.executable, "-c", CIRCUIT, "memory", data],
                             capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=300)
    base, end = (float(v) for v in out.stdout.split())
    growth = end - base
    return [Row("app: memory over a 4-round chassis circuit", "RSS growth", f"{growth:.1f} MB",
                f"{base:.0f} MB after the first set", "≤ 20 MB", growth <= 20.0)]


def keys() -> list[Row]:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest

    from ankledesk.ui.app import build_window, create_application

    app = create_application()

    class Painted(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.UpdateRequest:
                self.seen = True
            return False

    rows = []
    with tempfile.TemporaryDirectory() as data:
        window = build_window(Path(data))
        assert window is not None
        window.move(0, 0)
        window.resize(*WINDOW)
        window.show()
        flow = window.start_routine("runners-chassis-circuit")
        assert flow is not None
        screen = flow.workout_screen
        watcher = Painted()
        window.installEventFilter(watcher)
        end = time.monotonic() + 1.0
        while time.monotonic() < end:
            app.processEvents()
        # → moves through the circuit's first 50 steps (it has 61), never onto the summary.
        for key, name, presses in ((Qt.Key.Key_Space, "Space (pause/resume)", KEY_PRESSES),
                                   (Qt.Key.Key_Right, "→ (next step)", NEXT_PRESSES)):
            samples = []
            for _ in range(presses):
                app.processEvents()  # nothing of before the press is left to paint
                watcher.seen = False
                started = time.perf_counter()
                QTest.keyClick(screen, key)
                while not watcher.seen:
                    if time.perf_counter() - started > 5.0:
                        raise RuntimeError(f"{name}: nothing repainted within 5 s")
                    app.processEvents()
                samples.append(time.perf_counter() - started)
                pause = time.monotonic() + 0.03
                while time.monotonic() < pause:
                    app.processEvents()
            rows.append(Row(f"app: key → repainted, {name}", "p95",
                            ms(percentile(samples, 95)), f"p50 {ms(percentile(samples, 50))}",
                            "≤ 16 ms", percentile(samples, 95) <= 0.016))
        flow.leave_now()
        window.close()
        window.context.store.close()
    return rows


def run() -> list[Row]:
    # The voice speaks through QTextToSpeech's mock engine: with no sound server here, a real
    # speech-dispatcher would only hang and be given up on.
    os.environ.setdefault("ANKLEDESK_TTS_ENGINE", "mock")
    return start_up() + start_up_tricks() + keys() + cpu() + memory()
