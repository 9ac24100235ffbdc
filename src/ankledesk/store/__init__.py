"""Qt-free workout history on TinyDB: crash-safe storage, the in-progress journal, queries.

- session_store: `SessionStore` (the lock, history.json and the journal together) and
  `ActiveSession` (the session being recorded): what the app and the CLI use.
- documents: the session document shape, its checks, wall-clock mapping, routine snapshots.
- queries: plain functions over session documents (ranges, ISO weeks, streaks, holds, ladder).
- storage: the atomic TinyDB storage; files: opening a file whatever state it is in;
  journal / history: the two files; lock: one writer per data folder; migrations: schema steps.

Nothing is imported here, so `import ankledesk.store.x` loads only what x needs.
"""
