"""Qt-free workout history on TinyDB: crash-safe storage and the in-progress journal.

- session_store: `SessionStore` (the lock, the history and the journal together) and
  `ActiveSession` (the session being recorded): what the app and the CLI use.
- documents: building and checking session documents (their shape is `core.records`),
  wall-clock mapping, routine snapshots.
- storage: the atomic TinyDB storage; files: opening a file whatever state it is in;
  journal / history: the two files; lock: one writer per data folder; migrations: schema steps.

The questions asked of the history (weeks, streaks, holds, the progression ladder) live in
`ankledesk.core.progress`, so the reports read them without depending on the store.

Nothing is imported here, so `import ankledesk.store.x` loads only what x needs.
"""
