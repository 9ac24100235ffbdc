"""The headless demo that `make run` falls back to without a display."""


def test_demo_lists_routines_and_runs_a_workout_to_the_end(cli, data_dir):
    result = cli("demo", "--speed", "5000", check=True)
    out = result.stdout
    assert "runners-chassis-circuit" in out
    assert "WORK     Seated ankle circles · LEFT" in out
    assert out.rstrip().endswith("DONE     workout complete")
    assert list(data_dir.iterdir()) == [], "the demo never writes to the user's data"
