"""``fardplan ingest`` and ``fardplan review``: the next remiss reply from its text, and its review queue.

``fardplan ingest FILE.txt|FILE.pdf`` prints what the reply proposes (entities with their restored Swedish
labels, relations with their passages) and queues it for review (``--dry-run``: prints only). ``fardplan review``
lists the queue, and accepts or rejects proposals by id; an accepted proposal is an edit in ``fardplan history``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
from pathlib import Path

from graph.cli.common import Command, open_store_for
from graph.errors import IngestError
from graph.ingest import review
from graph.ingest.model import Proposals
from graph.ingest.pipeline import ingest_text
from graph.ingest.text import read_source
from graph.vocab.namespaces import ID_IRI

__all__ = ["add_commands", "cmd_ingest", "cmd_review", "proposals_table", "queue_table"]

WHO_HELP = "your name for the history (default: env FARDPLAN_WHO, else the login name)"
DATA_HELP = "the data folder the raw text is saved in, as sources/<name>.txt (default: the project's data/)"


def _table(heads: tuple[str, ...], rows: list[tuple]) -> str:
    widths = [max(len(str(r[i])) for r in (heads, *rows)) for i in range(len(heads))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in (heads, *rows))


def _curie(iri: str) -> str:
    return "fpid:" + iri[len(ID_IRI):] if iri.startswith(ID_IRI) else iri


def _short(text: str, n: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[:n - 1] + "…"


def proposals_table(props: Proposals, ids: dict[str, str] | None = None) -> str:
    """The entities and relations of ``props`` as two plain-text tables (with queue ids when queued)."""
    ids = ids or {}
    entities = [(ids.get(e.key, e.key), e.kind, _short(e.label, 50), _curie(e.iri) if e.iri else "(ny)",
                 e.found_by, f"{e.confidence:.2f}") for e in props.entities]
    relations = []
    for r in props.relations:
        phrase = f"{props.entity(r.subject).label} {review.PREDICATE_SV.get(r.predicate, r.predicate)} " \
                 f"{props.entity(r.object).label}"
        relations.append((ids.get(r.key, r.key), _short(phrase, 70), "uttalad" if r.mode == "stated" else "tolkning",
                          r.found_by, f"{r.confidence:.2f}", _short(r.span.raw)))
    parts = [f"{props.name}: {len(props.entities)} entiteter, {len(props.relations)} relationer", "",
             _table(("id", "typ", "etikett", "iri", "hittad av", "säkerhet"), entities) if entities else "inga",
             "", _table(("id", "relation", "grund", "hittad av", "säkerhet", "textställe"), relations)
             if relations else "inga relationer"]
    return "\n".join(parts)


def queue_table(items: list[dict]) -> str:
    """The review queue as a plain-text table."""
    if not items:
        return "inga förslag"
    rows = [(i["id"], i["status"], i["kind"], _short(i["label"], 70), i["found_by"], f"{i['confidence']:.2f}",
             _short(i["passage"]["raw"], 50)) for i in items]
    return _table(("id", "status", "slag", "förslag", "hittad av", "säkerhet", "textställe"), rows)


def _ids_by_key(props: Proposals, items: list[dict]) -> dict[str, str]:
    """The queue id of each entity and relation key of ``props``, matched by label and passage."""
    by_label = {(i["kind"], i["label"], i["passage"]["start"]): i["id"] for i in items}
    found = {}
    for e in props.entities:
        found[e.key] = by_label.get(("entity", e.label, e.span.start), e.key)
    for r in props.relations:
        phrase = f"{props.entity(r.subject).label} {review.PREDICATE_SV.get(r.predicate, r.predicate)} " \
                 f"{props.entity(r.object).label}"
        found[r.key] = by_label.get(("relation", phrase, r.span.start), r.key)
    return found


def cmd_ingest(args: argparse.Namespace) -> int:
    path = Path(args.file)
    raw = read_source(path)
    store = open_store_for(args)
    ner = None
    if args.ner:
        from graph.ingest.ner import NerModel  # spaCy only when asked for

        ner = NerModel(args.ner)
    props = ingest_text(store, raw, path.name, ner=ner)
    summary = None
    if not args.dry_run:
        summary = review.queue_reply(store, raw, path.name, args.who, data_dir=args.data_dir, proposals=props)
    if args.format == "json":
        doc = {"file": str(path), "queued": summary is not None,
               "document": summary["document"] if summary else None, "proposals": props.to_json(),
               "items": summary["items"] if summary else []}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(proposals_table(props, _ids_by_key(props, summary["items"]) if summary else None))
        if summary:
            print(f"\nköat för granskning: {summary['document']} ({len(summary['items'])} förslag); "
                  f"fardplan review list")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    if args.action == "list":
        if args.ids:
            raise IngestError("fardplan review list takes no ids; accept or reject them")
        items = review.queue(store, status=args.status)
        print(json.dumps(items, ensure_ascii=False, indent=2) if args.format == "json" else queue_table(items))
        return 0
    if not args.ids:
        raise IngestError(f"fardplan review {args.action}: give the id(s) of the proposal(s) (fardplan review list)")
    done = []
    for item_id in args.ids:
        if args.action == "accept":
            entry = review.accept(store, item_id, args.who, label=args.label, data_dir=args.data_dir)
            done.append({"id": item_id, "status": "accepted", "change": entry["id"], "what": entry["what"]})
        else:
            review.reject(store, item_id, args.who, args.why)
            done.append({"id": item_id, "status": "rejected"})
    if args.format == "json":
        print(json.dumps(done, ensure_ascii=False, indent=2))
    else:
        for d in done:
            print(f"{d['id']}: {'godkänt' if d['status'] == 'accepted' else 'avvisat'}"
                  + (f" ({d['change']}: {d['what']['sv']})" if d.get("change") else ""))
    return 0


def add_commands(command: Command) -> None:
    """Add ingest and review."""
    who = os.environ.get("FARDPLAN_WHO") or getpass.getuser()
    p = command("ingest", cmd_ingest, "read a remiss reply (.txt or .pdf), print what it proposes and queue it for "
                "review")
    p.add_argument("file", help="the reply: a UTF-8 .txt file or a .pdf with a text layer")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--dry-run", action="store_true", help="print the proposals, queue nothing")
    p.add_argument("--who", default=who, help=WHO_HELP)
    p.add_argument("--data-dir", default=None, help=DATA_HELP)
    p.add_argument("--ner", default=None, metavar="MODEL_DIR",
                   help="also use a Swedish NER model you have on disk (a spaCy model folder; needs the ner extra)")

    p = command("review", cmd_review, "list, accept or reject the proposals of ingested replies")
    p.add_argument("action", nargs="?", choices=("list", "accept", "reject"), default="list")
    p.add_argument("ids", nargs="*", help="proposal ids (from fardplan review list)")
    p.add_argument("--status", choices=("open", "accepted", "rejected", "all"), default="open")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--who", default=who, help=WHO_HELP)
    p.add_argument("--label", default=None, help="accept: the corrected label of a new entity")
    p.add_argument("--why", default=None, help="reject: why")
    p.add_argument("--data-dir", default=None, help=DATA_HELP)
