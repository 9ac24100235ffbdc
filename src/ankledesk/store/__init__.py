"""Qt-free workout history on TinyDB: crash-safe storage, the in-progress journal, queries."""
