"""``fardplan history`` and ``fardplan undo`` on a disk store that an edit wrote to."""

from __future__ import annotations

import json

from graph import edit
from graph.cli.main import main
from graph.load.loader import ensure_seeded
from graph.store import open_store
from graph.vocab.namespaces import ID

POLISEN = str(ID["org/polisen"])


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _edited_store(tmp_path) -> str:
    url = f"oxigraph:{tmp_path / 'db'}"
    store = open_store(url)
    ensure_seeded(store)
    edit.edit(store, "set_label", {"node": POLISEN, "lang": "sv", "text": "Polismyndigheten"}, "Anna", "rätt namn")
    store.close()
    return url


def test_history_prints_who_when_what_why(capsys, tmp_path):
    url = _edited_store(tmp_path)
    code, out, _ = run(capsys, "history", "--store", url)
    assert code == 0
    head, row = out.splitlines()
    assert head.split()[:3] == ["id", "när", "(UTC)"]
    assert "Anna" in row and "rätt namn" in row and "”Polisen” → ”Polismyndigheten”" in row
    code, out, _ = run(capsys, "history", "--format", "json", "--lang", "en", "--store", url)
    entries = json.loads(out)
    assert code == 0 and len(entries) == 1
    assert {"id", "who", "started", "ended", "what", "why", "undone_by"} <= set(entries[0])


def test_undo_by_id_and_last_then_validate(capsys, tmp_path):
    url = _edited_store(tmp_path)
    code, out, _ = run(capsys, "history", "--format", "json", "--store", url)
    change_id = json.loads(out)[0]["id"]
    code, out, _ = run(capsys, "undo", change_id, "--who", "Bo", "--why", "fel", "--store", url)
    assert code == 0 and out.startswith(change_id[:8]) and "Ångrat" in out
    code, _, err = run(capsys, "undo", change_id, "--who", "Bo", "--store", url, "--format", "json")
    assert code == 2 and "already undone" in err and json.loads(err.splitlines()[-1])["status"] == 409
    code, _, err = run(capsys, "undo", "last", "--who", "Bo", "--store", url)  # undos are not undone by 'last'
    assert code == 2 and "no change to undo" in err
    code, out, _ = run(capsys, "history", "--format", "json", "--store", url)
    code, out, _ = run(capsys, "undo", json.loads(out)[0]["id"], "--who", "Bo", "--store", url)  # a redo
    assert code == 0 and "Ångrat: Ångrat" in out
    code, out, _ = run(capsys, "history", "--limit", "2", "--lang", "en", "--store", url)
    assert len(out.splitlines()) == 3 and "Bo" in out and "Undone: Undone" in out
    code, out, _ = run(capsys, "validate", "--store", url)  # the history graphs are records, not data
    assert code == 0 and "\nconforms" in "\n" + out


def test_history_of_a_store_without_edits(capsys):
    code, out, _ = run(capsys, "history", "--store", "memory")
    assert code == 0 and out.strip() == "inga ändringar"
