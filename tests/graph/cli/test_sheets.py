"""``fardplan import``, ``template``, ``export --format xlsx`` and ``serve --allow-edits`` on an on-disk store."""

from __future__ import annotations

import io
import json
import os

from openpyxl import Workbook, load_workbook

from graph.cli.main import build_parser, main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count(capsys, store: str) -> int:
    """The triples of the data (the default graph; the history is in named graphs)."""
    code, out, _ = run(capsys, "--store", store, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                       "--format", "csv")
    assert code == 0
    return int(out.split()[-1])


def test_template_then_dry_run_then_import_then_again(capsys, tmp_path):
    store = f"oxigraph:{tmp_path / 'store'}"
    template = tmp_path / "mall.xlsx"
    assert run(capsys, "template", "-o", str(template))[0] == 0
    assert load_workbook(template).sheetnames == ["Anvisningar", "Aktörer", "Projekt", "Relationer"]
    before = count(capsys, store)
    code, out, err = run(capsys, "--store", store, "import", str(template), "--dry-run")
    assert code == 0 and "dry run: nothing was written" in err
    assert "actors:    1 new, 0 changed, 1 matched unchanged" in out and "80 quad(s) to add" in out
    assert count(capsys, store) == before
    code, out, _ = run(capsys, "--store", store, "import", str(template), "--format", "json", "--who", "Bo",
                       "--why", "mallens exempel")
    result = json.loads(out)
    assert code == 0 and result["written"] and result["quads"] == 80
    assert result["change"]["who"] == "Bo" and result["change"]["added"] == 80
    assert count(capsys, store) == before + 80
    code, out, err = run(capsys, "--store", store, "import", str(template))
    assert code == 0 and "0 quad(s) added" in out and "3 already in the store" in out
    assert "recorded in the history" not in err  # nothing written, no change recorded
    assert count(capsys, store) == before + 80


def test_an_import_is_a_change_in_the_history_and_undone_like_an_edit(capsys, tmp_path, monkeypatch):
    store = f"oxigraph:{tmp_path / 'store'}"
    template = tmp_path / "mall.xlsx"
    run(capsys, "template", "-o", str(template))
    before = count(capsys, store)
    monkeypatch.setenv("FARDPLAN_WHO", "Cecilia")  # the default name, as history and undo take it
    code, _, err = run(capsys, "--store", store, "import", str(template), "--why", "exemplen")
    assert code == 0 and "recorded in the history as " in err
    change_id = err.split("recorded in the history as ")[1].split(":")[0]
    code, out, _ = run(capsys, "--store", store, "history", "--format", "json")
    [entry] = json.loads(out)
    assert (entry["id"], entry["operation"], entry["who"], entry["why"]) == (change_id, "import", "Cecilia",
                                                                            "exemplen")
    assert entry["what"] == {"sv": "Import: mall.xlsx — 1 ny aktör, 1 projekt, 3 relationer",
                             "en": "Import: mall.xlsx — 1 new actor, 1 project, 3 relations"}
    assert entry["target"].endswith("/document/sheet/mall-xlsx") and entry["added"] == 80
    code, out, _ = run(capsys, "--store", store, "history")
    assert "Import: mall.xlsx — 1 ny aktör, 1 projekt, 3 relationer" in out and "Cecilia" in out
    code, out, _ = run(capsys, "--store", store, "undo", change_id, "--why", "fel fil")
    assert code == 0 and "Ångrat: Import: mall.xlsx" in out
    assert count(capsys, store) == before
    code, out, _ = run(capsys, "--store", store, "history", "--format", "json")
    undo, imported = json.loads(out)
    assert imported["undone_by"] == undo["id"] and undo["undoes"] == change_id and undo["who"] == "Cecilia"


def test_errors_name_sheet_row_and_column_and_write_nothing(capsys, tmp_path):
    store = f"oxigraph:{tmp_path / 'store'}"
    book = Workbook()
    sheet = book.active
    sheet.title = "Relationer"
    sheet.append(["aktör eller projekt", "relation", "partner", "strategi eller målområde"])
    sheet.append(["stadsdel", "arbetar med", None, "DT.VI"])
    sheet.append(["Polisen", "arbetar med", None, "ZZ.I"])
    path = tmp_path / "fel.xlsx"
    book.save(path)
    before = count(capsys, store)
    for extra in ((), ("--dry-run",)):
        code, out, err = run(capsys, "--store", store, "import", str(path), *extra)
        assert code == 2 and out == ""
        assert "fel.xlsx: 2 problem(s); nothing was imported" in err
        assert "sheet Relationer, row 2, column A (aktör eller projekt): 'stadsdel' is ambiguous; candidates:" in err
        assert "Stadsdelsförvaltningen <fpid:org/forvaltningen>" in err and "Stadsdelsnämnden" in err
        assert "sheet Relationer, row 3, column D (strategi eller målområde): 'ZZ.I' names no strategy" in err
    assert count(capsys, store) == before


def test_export_xlsx_writes_the_template_that_imports_again_unchanged(capsys, tmp_path):
    store = f"oxigraph:{tmp_path / 'store'}"
    template = tmp_path / "mall.xlsx"
    run(capsys, "template", "-o", str(template))
    run(capsys, "--store", store, "import", str(template))
    target = tmp_path / "export.xlsx"
    code, _, err = run(capsys, "--store", store, "export", "--format", "xlsx", "-o", str(target))
    assert code == 0 and "xlsx" in err
    book = load_workbook(io.BytesIO(target.read_bytes()))
    actors = [[c.value for c in row] for row in book["Aktörer"].iter_rows(min_row=2)]
    assert any(r[0] == "Skarpnäcks läxhjälpsförening" and r[-1] == "fpid:org/skarpnacks-laxhjalpsforening"
               for r in actors)
    before = count(capsys, store)
    code, out, _ = run(capsys, "--store", store, "import", str(target))
    assert code == 0 and "0 quad(s) added" in out
    assert count(capsys, store) == before
    assert run(capsys, "--store", store, "export", "--format", "xlsx")[0] == 2  # a workbook needs -o
    code, out, _ = run(capsys, "--store", store, "export", "--format", "nt")
    assert code == 0 and "skarpnacks-laxhjalpsforening" in out  # the other formats still work


def test_serve_takes_allow_edits(monkeypatch):
    args = build_parser().parse_args(["serve", "--allow-edits"])
    seen = {}
    monkeypatch.delenv("FARDPLAN_ALLOW_EDITS", raising=False)
    monkeypatch.setattr("ui.app.run", lambda settings: seen.setdefault("settings", settings))
    assert args.func(args) == 0
    assert seen["settings"].allow_edits is True
    os.environ.pop("FARDPLAN_ALLOW_EDITS", None)
    assert build_parser().parse_args(["serve"]).allow_edits is False
