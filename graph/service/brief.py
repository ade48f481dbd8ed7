"""A handout for a meeting: a strategy or actor brief as accessible HTML and as PDF, made without a browser.

:func:`brief` gathers plain data (who works on it and through which project, each step's raw quote, restored
reading and source, the gaps, the graph of the view with server-side positions, the link back to the live view);
:func:`to_html` and :func:`to_pdf` render it. The PDF is drawn with reportlab in Bitstream Vera, the TrueType font
reportlab itself ships (so å, ä, ö render on a fresh install); the graph image is drawn from
:func:`graph.analysis.layout.force_positions` (SVG in the HTML, reportlab shapes in the PDF); the QR code is segno's.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from urllib.parse import quote

from graph.analysis.layout import force_positions, node_label
from graph.errors import FardplanError
from graph.service.model import Brief, BriefGraph, BriefRow, BriefStep, Entity, Step
from graph.service.planner import ACTOR_TYPES, actors_for_strategy, gaps, resolve_node
from graph.vocab.namespaces import curie
from graph.vocab.notation import notation_key

__all__ = ["brief", "to_html", "to_pdf", "graph_svg", "live_path"]

COLORS = {"goal_area": "#CC79A7", "strategy": "#0072B2", "project": "#E69F00", "actor": "#009E73"}
MODES = {"stated": "uttalat i källan", "interpreted": "tolkning"}


def live_path(kind: str, iri: str) -> str:
    """The path of the live view the brief comes from."""
    if kind == "strategy":
        return "/strategi?strategy=" + quote(curie(iri), safe=":/")
    return "/?focus=" + quote(curie(iri), safe=":/")


def _step(step: Step) -> BriefStep:
    passage = step.get("passage") or {}
    reason = step.get("reason")
    if isinstance(reason, dict):
        reason = reason.get("sv") or reason.get("en")
    return {"text": step["text"], "mode": step["mode"], "reason": reason,
            "raw": passage.get("text", ""), "restored": passage.get("restored") or passage.get("text", ""),
            "source": passage.get("label", ""), "source_iri": passage.get("iri", "")}


def _graph(steps: list[Step], center: Entity) -> BriefGraph:
    nodes = {center["iri"]: center}
    edges = set()
    for s in steps:
        nodes.setdefault(s["from"]["iri"], s["from"])
        nodes.setdefault(s["to"]["iri"], s["to"])
        edges.add((s["from"]["iri"], s["to"]["iri"], s["mode"]))
    labels = {i: (node_label(n["label"], "strategy" if n["type"] == "strategy" else "", n.get("notation")),
                  n["type"]) for i, n in nodes.items()}
    positions = force_positions(labels, [(a, b) for a, b, _ in edges])
    return {"nodes": [{"id": i, "label": labels[i][0], "type": n["type"], **positions[i]} for i, n in
                      sorted(nodes.items())],
            "edges": [{"source": a, "target": b, "mode": m} for a, b, m in sorted(edges)]}


def brief(store, name: str) -> Brief:
    """The brief of a strategy or an actor named ``name`` (notation, IRI, CURIE or label)."""
    subject = resolve_node(store, name, types=("strategy", *ACTOR_TYPES))
    all_gaps = gaps(store)
    if subject["type"] == "strategy":
        result = actors_for_strategy(store, subject["iri"])
        rows: list[BriefRow] = [{"who": a["label"], "iri": a["iri"], "direct": a["direct"],
                 "via": [p["label"] for p in a["projects"]],
                 "steps": [_step(s) for r in a["routes"] for s in r["steps"]]} for a in result["actors"]]
        found = []
        for key, text in (("strategies_without_projects", "Inget projekt bidrar till strategin."),
                          ("strategies_without_actors", "Ingen aktör når strategin.")):
            if any(s["iri"] == subject["iri"] for s in all_gaps.get(key, [])):
                found.append(text)
        title = f"{subject.get('notation') or ''} {subject['label']}".strip()
        steps = [s for a in result["actors"] for r in a["routes"] for s in r["steps"]]
        kind = "strategy"
    else:
        rows, steps = [], []
        for s in _strategies(store):
            result = actors_for_strategy(store, s)
            for a in result["actors"]:
                if a["iri"] == subject["iri"]:
                    st = result["strategy"]
                    rows.append({"who": f"{st.get('notation') or ''} {st['label']}".strip(), "iri": st["iri"],
                                 "direct": a["direct"], "via": [p["label"] for p in a["projects"]],
                                 "steps": [_step(x) for r in a["routes"] for x in r["steps"]]})
                    steps += [x for r in a["routes"] for x in r["steps"]]
        found = ["Aktören når bara en strategi."] if any(
            a["iri"] == subject["iri"] for a in all_gaps.get("single_strategy_actors", [])) else []
        if not rows:
            found.append("Aktören når ingen strategi i svaret.")
        title = subject["label"]
        kind = "actor"
    interpreted = sum(1 for r in rows for s in r["steps"] if s["mode"] == "interpreted")
    if interpreted:
        found.append(f"{interpreted} steg bygger på tolkning, inte på uttalad text.")
    return {"kind": kind, "iri": subject["iri"], "title": title, "rows": rows, "gaps": found,
            "path": live_path(kind, subject["iri"]), "graph": _graph(steps, subject)}


def _strategies(store) -> list[str]:
    from graph.service.planner import views

    G = views(store).relations
    return sorted((n for n, d in G.nodes(data=True) if d.get("type") == "strategy"),
                  key=lambda n: (notation_key(G.nodes[n].get("notation", "")), n))


def _bounds(graph: BriefGraph, pad: float = 60.0) -> tuple[float, float, float, float]:
    xs = [n["x"] for n in graph["nodes"]] or [0.0]
    ys = [n["y"] for n in graph["nodes"]] or [0.0]
    return min(xs) - pad - 80, min(ys) - pad, max(xs) + pad + 80, max(ys) + pad + 60


def graph_svg(graph: BriefGraph, title: str) -> str:
    """The graph of a brief as a standalone SVG (server-side positions; labels under the nodes)."""
    x1, y1, x2, y2 = _bounds(graph)
    pos = {n["id"]: n for n in graph["nodes"]}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x1:.0f} {y1:.0f} {x2 - x1:.0f} {y2 - y1:.0f}" '
           f'role="img" aria-labelledby="graph-title"><title id="graph-title">{html.escape(title)}</title>']
    for e in graph["edges"]:
        a, b = pos[e["source"]], pos[e["target"]]
        dash = ' stroke-dasharray="8 6"' if e["mode"] == "interpreted" else ""
        out.append(f'<line x1="{a["x"]}" y1="{a["y"]}" x2="{b["x"]}" y2="{b["y"]}" stroke="#333" '
                   f'stroke-width="2.5"{dash}/>')
    for n in graph["nodes"]:
        color = COLORS.get(n["type"], "#999999")
        out.append(f'<circle cx="{n["x"]}" cy="{n["y"]}" r="16" fill="{color}" stroke="#000" stroke-width="2"/>')
        for i, line in enumerate(n["label"].split("\n")):
            out.append(f'<text x="{n["x"]}" y="{n["y"] + 40 + i * 24}" text-anchor="middle" font-size="19" '
                       f'font-family="DejaVu Sans, Verdana, sans-serif">{html.escape(line)}</text>')
    out.append("</svg>")
    return "".join(out)


def to_html(data: Brief, base_url: str) -> str:
    """The brief as one accessible HTML document (lang, headings, a table with caption and header cells, quotes
    marked as Swedish, the graph and the QR code as titled SVG, the live link as text)."""
    from graph.service.qr import qr_svg

    e = html.escape
    url = base_url.rstrip("/") + data["path"]
    what = "Strategi" if data["kind"] == "strategy" else "Aktör"
    head = ("Aktör", "Hur", "Belägg") if data["kind"] == "strategy" else ("Strategi", "Hur", "Belägg")
    rows = []
    for r in data["rows"]:
        how = ("direkt" if r["direct"] else "") + ((" · via " if r["direct"] else "via ") + ", ".join(r["via"])
                                                   if r["via"] else "")
        quotes = "".join(
            f'<li><p>{e(s["text"])} <em>({e(MODES.get(s["mode"], s["mode"]))})</em></p>'
            f'<blockquote lang="sv"><p>{e(s["raw"])}</p></blockquote>'
            + (f'<p>Återställd läsning: <span lang="sv">{e(s["restored"])}</span></p>'
               if s["restored"] != s["raw"] else "")
            + (f'<p>Skäl: {e(s["reason"])}</p>' if s.get("reason") else "")
            + f'<p class="source">Källa: {e(s["source"])} (<code>{e(s["source_iri"])}</code>)</p></li>'
            for s in r["steps"])
        rows.append(f'<tr><th scope="row">{e(r["who"])}</th><td>{e(how)}</td><td><ul>{quotes}</ul></td></tr>')
    gaps_html = "".join(f"<li>{e(g)}</li>" for g in data["gaps"]) or "<li>Inga luckor hittade.</li>"
    return f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Underlag: {e(data["title"])}</title>
<style>body{{font-family:DejaVu Sans,Verdana,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5;
color:#000}} table{{border-collapse:collapse;width:100%}} th,td{{border:1px solid #444;padding:.5rem;
vertical-align:top;text-align:left}} blockquote{{border-left:4px solid #0072B2;margin:.3rem 0;padding-left:.8rem}}
.source{{color:#333;font-size:.9rem}} svg{{max-width:100%;height:auto}}</style></head>
<body><main><h1>{what}: {e(data["title"])}</h1>
<h2>Vem arbetar med det, och genom vilket projekt</h2>
<table><caption>{len(data["rows"])} rader ur Färdplan Explorer</caption>
<thead><tr>{"".join(f'<th scope="col">{h}</th>' for h in head)}</tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<h2>Luckor</h2><ul>{gaps_html}</ul>
<h2>Grafen</h2><figure>{graph_svg(data["graph"], "Grafen för " + data["title"])}
<figcaption>Heldragna linjer: uttalat i källan; streckade: tolkning.</figcaption></figure>
<h2>Den levande vyn</h2><figure>{qr_svg(url, title="QR-kod till den levande vyn")}
<figcaption><a href="{e(url)}">{e(url)}</a></figcaption></figure>
</main></body></html>
"""


def _font() -> str:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        fonts = Path(reportlab.__file__).resolve().parent / "fonts"
        if not (fonts / "Vera.ttf").exists():
            raise FardplanError(f"{fonts / 'Vera.ttf'}: the PDF font shipped with reportlab is missing")
        pdfmetrics.registerFont(TTFont("Vera", str(fonts / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("Vera-Bold", str(fonts / "VeraBd.ttf")))
    return "Vera"


def _drawing(graph: BriefGraph, width: float):
    from reportlab.graphics.shapes import Circle, Drawing, Line, String
    from reportlab.lib import colors

    x1, y1, x2, y2 = _bounds(graph)
    scale = width / (x2 - x1)
    height = (y2 - y1) * scale
    d = Drawing(width, height)
    pos = {n["id"]: n for n in graph["nodes"]}

    def at(x: float, y: float) -> tuple[float, float]:
        return (x - x1) * scale, height - (y - y1) * scale

    for e in graph["edges"]:
        (ax, ay), (bx, by) = at(pos[e["source"]]["x"], pos[e["source"]]["y"]), at(pos[e["target"]]["x"],
                                                                                    pos[e["target"]]["y"])
        d.add(Line(ax, ay, bx, by, strokeColor=colors.HexColor("#333333"), strokeWidth=1,
                   strokeDashArray=[4, 3] if e["mode"] == "interpreted" else None))
    for n in graph["nodes"]:
        x, y = at(n["x"], n["y"])
        d.add(Circle(x, y, 16 * scale, fillColor=colors.HexColor(COLORS.get(n["type"], "#999999")),
                     strokeColor=colors.black, strokeWidth=0.8))
        for i, line in enumerate(n["label"].split("\n")):
            d.add(String(x, y - (40 + i * 24) * scale, line, fontName="Vera", fontSize=max(19 * scale, 5),
                         textAnchor="middle"))
    return d


def _qr_drawing(text: str, size: float):
    import segno
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib import colors

    matrix = segno.make(text, error="m").matrix
    cell = size / (len(matrix) + 4)
    d = Drawing(size, size)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                d.add(Rect((c + 2) * cell, size - (r + 3) * cell, cell, cell, fillColor=colors.black,
                           strokeColor=None))
    return d


def to_pdf(data: Brief, base_url: str) -> bytes:
    """The brief as a PDF (reportlab, Vera TTF embedded): the same content as :func:`to_html`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = _font()
    e = html.escape
    url = base_url.rstrip("/") + data["path"]
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14)
    quote_style = ParagraphStyle("quote", parent=body, leftIndent=14, textColor="#1f2937")
    h1 = ParagraphStyle("h1", fontName="Vera-Bold", fontSize=18, leading=24, spaceAfter=8)
    h2 = ParagraphStyle("h2", fontName="Vera-Bold", fontSize=13, leading=18, spaceBefore=10, spaceAfter=4)
    what = "Strategi" if data["kind"] == "strategy" else "Aktör"
    story: list = [Paragraph(f"{what}: {e(data['title'])}", h1),
                   Paragraph("Vem arbetar med det, och genom vilket projekt", h2)]
    for r in data["rows"]:
        how = ("direkt" if r["direct"] else "") + ((" · via " if r["direct"] else "via ") + ", ".join(r["via"])
                                                   if r["via"] else "")
        story.append(Paragraph(f"<font name='Vera-Bold'>{e(r['who'])}</font> — {e(how)}", body))
        for s in r["steps"]:
            story.append(Paragraph(f"{e(s['text'])} ({e(MODES.get(s['mode'], s['mode']))})", body))
            story.append(Paragraph(f"Citat: “{e(s['raw'])}”", quote_style))
            if s["restored"] != s["raw"]:
                story.append(Paragraph(f"Återställd läsning: “{e(s['restored'])}”", quote_style))
            story.append(Paragraph(f"Källa: {e(s['source'])} ({e(s['source_iri'])})", quote_style))
        story.append(Spacer(1, 6))
    story.append(Paragraph("Luckor", h2))
    for g in data["gaps"] or ["Inga luckor hittade."]:
        story.append(Paragraph("• " + e(g), body))
    story += [Paragraph("Grafen", h2), _drawing(data["graph"], 17 * cm),
              Paragraph("Heldragna linjer: uttalat i källan; streckade: tolkning.", body),
              Paragraph("Den levande vyn", h2), _qr_drawing(url, 4.5 * cm), Paragraph(e(url), body)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=f"Underlag: {data['title']}", author="Färdplan Explorer",
                      leftMargin=2 * cm, rightMargin=2 * cm).build(story)
    return out.getvalue()
