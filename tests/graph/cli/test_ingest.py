"""``fardplan ingest`` and ``fardplan review`` on a disk store: a text and a PDF reply, the queue, decisions."""

from __future__ import annotations

import io
import json

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from graph.cli.main import main

REPLY = """Malomrade Demokrati och trygghet

Skérholmens stadsdelsforvaltning har i samarbete med trafikkontoret tagit fram en plan.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_dry_run_prints_one_json_document_with_restored_labels(capsys, tmp_path):
    path = tmp_path / "svar.txt"
    path.write_text(REPLY, encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(path), "--dry-run", "--format", "json", "--store", "memory")
    assert code == 0
    doc = json.loads(out)
    assert doc["queued"] is False and doc["items"] == []
    labels = {e["label"]: e for e in doc["proposals"]["entities"]}
    assert labels["Skärholmens stadsdelsförvaltning"]["iri"] is None  # restored å/ä/ö, a new candidate
    assert labels["Trafikkontoret"]["iri"].endswith("/org/trafikkontoret")
    assert not (tmp_path / "sources").exists()


def test_ingest_a_pdf_then_review_list_accept_and_reject(capsys, tmp_path):
    out_pdf = io.BytesIO()
    c = canvas.Canvas(out_pdf, pagesize=A4)
    for y, line in zip((800, 784, 768), REPLY.splitlines(), strict=False):
        c.drawString(72, y, line)
    c.showPage()
    c.save()
    path = tmp_path / "svar-pdf.pdf"
    path.write_bytes(out_pdf.getvalue())
    store = f"oxigraph:{tmp_path / 'db'}"
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "ingest", str(path), "--who", "Anna", "--data-dir", data, "--store", store)
    assert code == 0 and "Skärholmens stadsdelsförvaltning" in out and "köat för granskning" in out
    assert (tmp_path / "data" / "sources" / "svar-pdf.txt").is_file()
    code, out, _ = run(capsys, "review", "--format", "json", "--store", store)
    items = {i["label"]: i for i in json.loads(out)}
    relation = items["Skärholmens stadsdelsförvaltning samarbetar med Trafikkontoret"]
    code, out, _ = run(capsys, "review", "accept", relation["id"], "--who", "Anna", "--data-dir", data,
                       "--store", store)
    assert code == 0 and out.startswith(f"{relation['id']}: godkänt")
    code, out, _ = run(capsys, "history", "--format", "json", "--store", store)
    assert json.loads(out)[0]["operation"] == "ingest_accept"
    goal = next(i for label, i in items.items() if i["kind"] == "entity" and label == "Demokrati och trygghet")
    code, out, _ = run(capsys, "review", "reject", goal["id"], "--who", "Bo", "--why", "bara rubriken",
                       "--store", store)
    assert code == 0 and "avvisat" in out
    code, out, _ = run(capsys, "review", "list", "--status", "all", "--store", store)
    assert "accepted" in out and "rejected" in out
    code, _, err = run(capsys, "review", "reject", goal["id"], "--who", "Bo", "--store", store, "--format", "json")
    assert code == 2 and "already rejected" in err and json.loads(err.splitlines()[-1])["kind"] == "ingest"


def test_bad_input_is_an_error_naming_the_file(capsys, tmp_path):
    path = tmp_path / "svar.docx"
    path.write_bytes(b"PK")
    code, _, err = run(capsys, "ingest", str(path), "--dry-run", "--store", "memory")
    assert code == 2 and "svar.docx: a reply is a .txt or a .pdf file" in err
