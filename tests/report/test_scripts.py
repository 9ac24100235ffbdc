"""Every script prints as typed: Chinese, Japanese, Korean and emoji in names and notes come
out of the PDF as themselves and are drawn (a rendered crop of their place has ink); control
characters never reach the PDF, and on the terminal they are shown as escapes."""

from __future__ import annotations

import datetime as dt

from ankledesk.core.terminal import shown
from ankledesk.report import fonts, weekly_log
from ankledesk.report.fonts import MISSING
from ankledesk.store.history import History
from tests.report.factories import at, monday, session
from tests.report.pdfcheck import ink_in, page_texts, page_words, render_pages

MON = monday("2026-W47")
NOTE = "足首が少し痛い 발목 괜찮아요 中文笔记 💪🏃 done"
DPI = 100


def test_runs_pick_a_face_that_has_the_glyphs():
    assert fonts.runs("Ça va 足首 😀!") == (
        (fonts.REGULAR, "Ça va "), (fonts.CJK, "足首 "), (fonts.EMOJI, "😀"),
        (fonts.REGULAR, "!"))
    assert fonts.runs("\x1b[1mbold\x07\u202e") == ((fonts.REGULAR, "[1mbold"),)
    assert fonts.runs("plain\tascii\x1b") == ((fonts.REGULAR, "plain\tascii"),)
    assert fonts.printable("🦶") == MISSING  # Unicode 11: in none of the fonts


def test_cjk_and_emoji_are_in_the_text_and_drawn(tmp_path):
    data = weekly_log([session(at(MON), notes=NOTE, routine_name="跑步 circuit 🏃")], MON,
                      name="山田 太郎")
    text = "\n".join(page_texts(data))
    assert MISSING not in text
    for part in ("足首が少し痛い", "발목", "괜찮아요", "中文笔记", "💪🏃", "跑步", "山田"):
        assert part in text
    words: dict[str, dict] = {}
    for word in page_words(data)[0]:
        words.setdefault(word["text"], word)  # the header's name, not the footer's
    png = render_pages(data, tmp_path, dpi=DPI)[0]
    for word in ("足首が少し痛い", "발목", "💪🏃", "山田"):
        box = words[word]
        assert ink_in(png, (box["x0"], box["top"], box["x1"], box["bottom"]), DPI) > 15, word


def test_each_run_is_set_in_the_font_that_has_it():
    import io

    import pdfplumber

    data = weekly_log([session(at(MON), notes=NOTE)], MON)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        faces = {c["text"]: c["fontname"] for c in pdf.pages[0].chars}
    assert faces["足"].endswith(fonts.CJK) and faces["발"].endswith(fonts.CJK)
    assert faces["💪"].endswith(fonts.EMOJI)
    assert faces["d"].endswith(fonts.REGULAR)


def test_control_characters_never_reach_the_pdf():
    note = "ring\x07 the \x1b[31mbell\x1b[0m\r\nnext line\u202e reversed\x00"
    text = "\n".join(page_texts(weekly_log([session(at(MON), notes=note)], MON,
                                           name="Eve\x1b]0;title\x07")))
    assert "ring the [31mbell[0m" in text and "next line reversed" in text
    assert not any(ord(ch) < 32 and ch != "\n" for ch in text)
    assert "\u202e" not in text and "Eve]0;title" in text


def test_terminal_messages_escape_what_the_user_typed(cli, data_dir, tmp_path):
    assert shown("a\x1b[2Jb\r\u202e 足 🏃‍♀️") == "a\\x1b[2Jb\\r\\u202e 足 🏃‍♀️"
    run = cli("export", "blank", "--routine", "evil\x1b[2J\x07", "-o", str(tmp_path / "x.pdf"))
    assert run.returncode != 0
    assert "evil\\x1b[2J\\x07" in run.stderr and "\x1b" not in run.stderr
    store = History(data_dir, writable=True)
    store.add(session(at(dt.date(2026, 11, 16)), routine_name="Red\x1b[31m circuit"))
    listed = cli("history")
    assert "Red\\x1b[31m circuit" in listed.stdout and "\x1b" not in listed.stdout
