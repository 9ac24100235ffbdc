"""Qt-free domain: drills, routines, plan expansion and the workout engine."""
