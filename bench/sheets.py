"""``python -m bench.sheets [--rows 10000] [--runs 3]``: a spreadsheet import at scale (issue 14, item 4).

Writes one XLSX workbook with openpyxl: a fifth of the rows new actors, a fifth new projects and the rest
relations (each project run by one actor, contributing to a strategy and with a second actor taking part), every
row with a source document and a quote. Then, each run on a fresh seeded in-memory store, times the preview
(read, resolve, plan and the loader's SHACL check; nothing written), the import (the same plus one atomic insert of
the data, its copy in the change's graph of added triples and the history record) and its undo. Prints the medians
and the number of triples added. Target: 10,000 rows (≈100k triples) imported in ≤ 30 s,
previewed in ≤ 5 s.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from typing import Any

from openpyxl import Workbook

from graph import edit
from graph.load.loader import ensure_seeded
from graph.load.sheets import COLUMNS, import_sheets, preview
from graph.store import EmbeddedStore

STRATEGIES = [f"{g}.{n}" for g in ("UU", "AF", "DT") for n in ("I", "II", "III", "IV", "V", "VI")]


def workbook(rows: int) -> bytes:
    """A template-shaped workbook of ``rows`` data rows (see the module docstring)."""
    n = max(1, rows // 5)
    relations = rows - 2 * n
    book = Workbook(write_only=True)
    sheets = {kind: book.create_sheet({"actors": "Aktörer", "projects": "Projekt", "relations": "Relationer"}[kind])
              for kind in COLUMNS}
    for kind, sheet in sheets.items():
        sheet.append([c.sv for c in COLUMNS[kind]])
    source = "Verksamhetsberättelse {i} för förening {i}"
    for i in range(n):
        sheets["actors"].append([f"Förening nummer {i}", f"Association number {i}", "civilsamhällesaktör",
                                 f"En förening i stadsdel {i % 14}.", source.format(i=i % 500),
                                 f"Förening nummer {i} är verksam i stadsdelen."])
        sheets["projects"].append([f"Projekt nummer {i}", f"Project number {i}", f"Ett projekt ({i}).",
                                   source.format(i=i % 500), f"Projekt nummer {i} startade i år."])
    kinds = ("driver", "bidrar till", "deltar i")
    for r in range(relations):
        i, kind = r // 3 % n, kinds[r % 3]
        actor = f"Förening nummer {i if kind == 'driver' else (i + 1) % n}"
        if kind == "bidrar till":
            row = [f"Projekt nummer {i}", kind, None, STRATEGIES[i % len(STRATEGIES)]]
        else:
            row = [actor, kind, f"Projekt nummer {i}", None]
        sheets["relations"].append([*row, source.format(i=i % 500), f"Rad {r}: {actor} och projekt {i}.",
                                    "uttalad", None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _data_count(store: EmbeddedStore) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value)


def _seeded() -> EmbeddedStore:
    store = EmbeddedStore()
    ensure_seeded(store)
    return store


def measure(rows: int = 10_000, runs: int = 3) -> dict[str, Any]:
    """Preview, import and undo the :func:`workbook` of ``rows`` rows ``runs`` times, each on a fresh seeded store:
    ``{"bytes", "previews", "imports", "undos", "preview_median", "import_median", "undo_median", "added",
    "recorded"}`` (seconds; triples added to the data; quads the import added in all, history included)."""
    data = workbook(rows)
    previews, imports, undos, added, recorded = [], [], [], 0, 0
    for _ in range(runs):
        store = _seeded()
        started = time.perf_counter()
        result = preview(store, data, "bench.xlsx")
        previews.append(time.perf_counter() - started)
        if not result["ok"]:
            raise RuntimeError(f"the bench workbook does not pass: {result['issues'][:5]}")
        store = _seeded()
        before, quads_before = _data_count(store), store.count()
        started = time.perf_counter()
        result = import_sheets(store, data, "bench.xlsx", "bench")
        imports.append(time.perf_counter() - started)
        added, recorded = _data_count(store) - before, store.count() - quads_before
        if added != result["quads"] or result["change"]["added"] != added:
            raise RuntimeError(f"import reported {result['quads']} quads but added {added}")
        started = time.perf_counter()
        edit.undo(store, result["change"]["id"], "bench")
        undos.append(time.perf_counter() - started)
        if _data_count(store) != before:
            raise RuntimeError("the undo did not restore the data")
    return {"bytes": len(data), "previews": previews, "imports": imports, "undos": undos,
            "preview_median": statistics.median(previews), "import_median": statistics.median(imports),
            "undo_median": statistics.median(undos), "added": added, "recorded": recorded}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    result = measure(args.rows, args.runs)
    print(f"workbook: {args.rows:,} rows, {result['bytes']:,} bytes")
    print(f"preview: median {result['preview_median']:.2f} s over {args.runs} runs "
          f"({', '.join(f'{t:.2f}' for t in result['previews'])}); target ≤ 5 s")
    print(f"import:  median {result['import_median']:.2f} s over {args.runs} runs "
          f"({', '.join(f'{t:.2f}' for t in result['imports'])}); target ≤ 30 s; {result['added']:,} triples added "
          f"({result['recorded']:,} quads with the history)")
    print(f"undo:    median {result['undo_median']:.2f} s over {args.runs} runs "
          f"({', '.join(f'{t:.2f}' for t in result['undos'])})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
