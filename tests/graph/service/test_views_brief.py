"""Saved views (graph/views_store.py, ``fardplan views``), the handout (graph/brief.py, ``fardplan brief``) and the
presentation routes (/v/<id>, /qr.svg, /brief.pdf) without a browser."""

from __future__ import annotations

import io
import json

import pytest

from graph.cli.main import main
from graph.errors import FardplanError
from graph.service.brief import brief, to_html, to_pdf
from graph.service.views import add_view, get_view, list_views, next_view, remove_view
from graph.settings import Settings


def test_views_are_named_ordered_and_written_atomically(tmp_path):
    path = tmp_path / "sub" / "views.json"
    assert list_views(path) == []
    first = add_view(path, "Överblick", "/", "Hela planen")
    add_view(path, "Trygghet", "/strategi?strategy=fpid:strategy/DT.VI")
    add_view(path, "Början", "/natverk", position=0)
    assert first["id"] == "overblick"
    assert [v["name"] for v in list_views(path)] == ["Början", "Överblick", "Trygghet"]
    assert get_view(path, "overblick")["caption"] == "Hela planen"
    assert sorted(p.name for p in path.parent.iterdir()) == ["views.json"]  # no temporary file left behind
    views = list_views(path)
    assert next_view(views, "overblick", 1)["name"] == "Trygghet"
    assert next_view(views, "overblick", -1)["name"] == "Början"
    assert next_view(views, "trygghet", 1) is None and next_view(views, None, 1)["name"] == "Början"
    remove_view(path, "Början")
    assert [v["id"] for v in list_views(path)] == ["overblick", "trygghet"]


@pytest.mark.parametrize("name, url, needle", [("", "/", "needs a name"), ("X", "https://example.org/", "a path"),
                                               ("Överblick", "/", "exists already")])
def test_bad_views_are_refused_and_change_nothing(tmp_path, name, url, needle):
    path = tmp_path / "views.json"
    add_view(path, "Överblick", "/")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(FardplanError, match=needle):
        add_view(path, name, url)
    assert path.read_text(encoding="utf-8") == before


def test_a_broken_views_file_names_the_place(tmp_path):
    path = tmp_path / "views.json"
    path.write_text('{"views": [', encoding="utf-8")
    with pytest.raises(FardplanError, match=r"views.json:1:\d+"):
        list_views(path)


def test_views_cli_add_list_remove(tmp_path, capsys):
    path = str(tmp_path / "views.json")
    assert main(["views", "add", "Trygghet", "--url", "/strategi?strategy=DT.VI", "--caption", "Vem?",
                 "--file", path]) == 0
    assert "/v/trygghet" in capsys.readouterr().out
    assert main(["views", "list", "--format", "json", "--file", path]) == 0
    assert json.loads(capsys.readouterr().out)["views"][0]["caption"] == "Vem?"
    assert main(["views", "add", "Y", "--file", path]) == 2
    assert "--url is required" in capsys.readouterr().err
    assert main(["views", "remove", "nej", "--file", path]) == 2
    assert "saved: Trygghet" in capsys.readouterr().err
    assert main(["views", "remove", "Trygghet", "--file", path]) == 0


def test_views_are_not_editable_from_the_ui_by_default():
    assert Settings().views_editable is False and Settings().views_file.endswith("views.json")


@pytest.fixture(scope="module")
def dt_vi(seed_store) -> dict:
    return brief(seed_store, "DT.VI")


def test_strategy_brief_lists_actors_projects_quotes_and_gaps(dt_vi, seed_store):
    names = {r["who"] for r in dt_vi["rows"]}
    assert {"Polisen", "Bostadsbolag"} <= names  # the corrected seed: the funding-case partners do not run it
    steps = [s for r in dt_vi["rows"] for s in r["steps"]]
    assert all(s["raw"] and s["source_iri"] for s in steps)
    restored = [s for s in steps if s["restored"] != s["raw"]]
    assert restored and any("ö" in s["restored"] or "ä" in s["restored"] for s in restored)
    assert dt_vi["path"] == "/strategi?strategy=fpid:strategy/DT.VI"
    assert len(dt_vi["graph"]["nodes"]) > len(dt_vi["rows"])
    actor = brief(seed_store, "polisen")
    assert actor["kind"] == "actor" and any(r["who"].startswith("DT.VI") for r in actor["rows"])


def test_brief_html_is_accessible_and_complete(dt_vi):
    page = to_html(dt_vi, "http://127.0.0.1:8050/")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
    assert "<caption>" in page and '<th scope="col">' in page and '<th scope="row">Polisen</th>' in page
    assert '<blockquote lang="sv">' in page and "Återställd läsning" in page
    assert page.count("<svg") == 2 and "<title" in page  # the graph and the QR code, both titled
    assert 'href="http://127.0.0.1:8050/strategi?strategy=fpid:strategy/DT.VI"' in page


def test_brief_pdf_reads_back_with_swedish_letters(dt_vi):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(to_pdf(dt_vi, "http://127.0.0.1:8050")))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "DT.VI Främja trygghet i det" in text and "åtgärder" in text
    assert "Polisen" in text and "Återställd läsning" in text and "Luckor" in text
    assert "http://127.0.0.1:8050/strategi?strategy=fpid:strategy/DT.VI" in text
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts  # an embedded TrueType font, not a standard-14 one without å/ä/ö


def test_brief_cli_writes_html_and_pdf(tmp_path, capsys):
    stem = tmp_path / "dtvi"
    assert main(["--store", "memory", "brief", "DT.VI", "-o", str(stem)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert (tmp_path / "dtvi.html").read_text(encoding="utf-8").count("Polisen") >= 1
    assert (tmp_path / "dtvi.pdf").read_bytes().startswith(b"%PDF")
    assert main(["--store", "memory", "brief", "ingen-sådan-sak-finns"]) == 2


@pytest.fixture
def client(seed_store, tmp_path):
    from ui.app import create_app

    views = tmp_path / "views.json"
    add_view(views, "Trygghet", "/strategi?strategy=fpid:strategy/DT.VI", "Vem arbetar med DT.VI?")
    app = create_app(Settings(store="memory", views_file=str(views)), store=seed_store)
    return app.server.test_client()


def test_short_links_qr_and_brief_routes(client):
    short = client.get("/v/trygghet")
    assert short.status_code == 302 and short.headers["Location"].endswith("/strategi?strategy=fpid:strategy/DT.VI")
    assert client.get("/v/nej").status_code == 404
    qr = client.get("/qr.svg?path=/v/trygghet")
    assert qr.status_code == 200 and qr.mimetype == "image/svg+xml" and b"<svg" in qr.data
    bad = client.get("/qr.svg?path=https://example.org/")
    assert bad.status_code == 400 and b"parameter path" in bad.data
    pdf = client.get("/brief.pdf?name=DT.VI")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert client.get("/brief.html?name=polisen").mimetype == "text/html"
    assert client.get("/brief.pdf").status_code == 400
    assert client.get("/brief.pdf?name=finnsinte").status_code == 404


def test_the_saved_views_reach_every_page_and_saving_needs_the_setting(client, seed_store, tmp_path):
    from ui.app import create_app
    from ui.components.presentation import PR_SAVE, build_overlay

    overlay = build_overlay([{"id": "a", "name": "A", "url": "/", "caption": ""}], "sv")
    assert json.loads(overlay.to_plotly_json()["props"]["data-views"])[0]["id"] == "a"
    assert PR_SAVE not in json.dumps(overlay.to_plotly_json(), default=str)
    locked = create_app(Settings(store="memory", views_file=str(tmp_path / "v.json")), store=seed_store)
    assert not any(PR_SAVE in key for key in locked.callback_map)
    editable = create_app(Settings(store="memory", views_file=str(tmp_path / "v.json"), views_editable=True),
                          store=seed_store)
    assert any("present-saved" in key for key in editable.callback_map)
