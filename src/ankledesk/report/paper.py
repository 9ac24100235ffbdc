"""The paper sizes the logs print on, by name, without loading reportlab (the CLI offers the
names as choices; the sizes themselves are in styles.PAPERS)."""

PAPER_NAMES = ("a4", "letter")
