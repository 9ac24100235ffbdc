"""Painted widgets of the workout screen, sized for reading from across the room."""
