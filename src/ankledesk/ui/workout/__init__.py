"""The gym-mode workout: the engine's Qt adapter, the screen, the recorder and the summary."""
