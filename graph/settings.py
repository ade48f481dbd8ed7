"""Settings: every limit and default in one place, each documented, each overridable from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

__all__ = ["DATA_DIR", "DEFAULT_STORE", "ONTOLOGY_DIR", "PROJECT_DIR", "Settings"]

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
DEFAULT_STORE = "oxigraph:.fardplan/store"


@dataclass(frozen=True)
class Settings:
    """Explorer settings. ``FARDPLAN_<NAME>`` in the environment overrides a field."""

    store: str = field(default=DEFAULT_STORE, metadata={"help": "Store URL: oxigraph:PATH, memory, or http(s)://…"})
    update_url: str | None = field(default=None, metadata={"help": "SPARQL Update URL of a remote store"})
    host: str = field(default="127.0.0.1", metadata={"help": "Address the web server binds"})
    port: int = field(default=8050, metadata={"help": "Port of the web server"})
    debug: bool = field(default=False, metadata={"help": "Dash debug mode (never in production)"})
    query_timeout_s: float = field(default=10.0, metadata={"help": "Time limit of one SPARQL query"})
    max_rows: int = field(default=10_000, metadata={"help": "Most result rows a query returns"})
    query_workers: int = field(default=0, metadata={
        "help": "Query processes kept ready per embedded store (0: one per CPU, at most 2)"})
    max_body_bytes: int = field(default=1_000_000, metadata={"help": "Largest accepted request body"})
    max_elements: int = field(default=400, metadata={"help": "Most graph elements sent to the browser per view"})
    # Limits of the public endpoint's query processes (issue 10).
    allow_network_in_workers: bool = field(default=False, metadata={
        "help": "Run queries even where a query process cannot cut itself off the network (unshare fails)"})
    query_memory_mb: int = field(default=1024, metadata={
        "help": "Most memory (MB) a query process may allocate beyond what it inherited (0: no limit)"})
    max_answer_bytes: int = field(default=50_000_000, metadata={
        "help": "Largest answer one query may send back, in bytes (HTTP 507 past it)"})
    query_heavy_after_s: float = field(default=0.25, metadata={
        "help": "A query running longer than this is heavy: it needs one of the query_heavy_workers"})
    query_heavy_workers: int = field(default=0, metadata={
        "help": "Query processes that heavy queries may hold at once (0: all but one, at least one)"})
    query_heavy_queue: int = field(default=2, metadata={
        "help": "Heavy queries that may wait for a heavy query process at once; more are refused at once (HTTP 503, "
                "busy), since each waiting query holds a web server thread"})
    cors_origins: str = field(default="*", metadata={
        "help": "Access-Control-Allow-Origin of /sparql ('*', or origins separated by spaces; empty: none)"})
    # Loader (graph.load.loader): a load stages the whole input in memory before its SHACL check, so it is bounded.
    max_load_bytes: int = field(default=1_000_000_000, metadata={
        "help": "Largest total size of the files one load takes: they are staged in memory for the SHACL check, "
                "about 8× their size at peak into an on-disk store (docs/validation.md)"})
    # The production web server (granian; graph/serve.py).
    server_workers: int = field(default=1, metadata={
        "help": "Web server processes; more than 1 only with a remote http(s):// store (an embedded one is opened "
                "by one process)"})
    server_threads: int = field(default=0, metadata={
        "help": "Threads per web server process answering requests (0: four per CPU plus one, at least 9: they "
                "mostly wait on query processes)"})
    server_backlog: int = field(default=1024, metadata={
        "help": "Connections waiting to be accepted before new ones are refused"})
    # --- saved views for meetings (issue 13)
    views_file: str = field(default=".fardplan/views.json", metadata={
        "help": "JSON file of the saved views (presentation order), relative to the project folder"})
    views_editable: bool = field(default=False, metadata={
        "help": "Allow saving views from the UI (off: only `fardplan views add` writes them)"})
    # --- editing in the explorer and imports on the Data page (issue 14); /sparql stays read-only either way
    allow_edits: bool = field(default=False, metadata={
        "help": "Show the explorer's edit controls (labels, relations, undo) and let the Data page import "
                "spreadsheets (off: template and preview only; `fardplan import` always writes); put a login in "
                "front for shared use"})
    data_dir: str | None = field(default=None, metadata={
        "help": "Folder the Data page saves an uploaded reply's text under (sources/NAME.txt) and reads it back "
                "from when a proposal is accepted (default: the project's data/)"})

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        """Defaults, then ``FARDPLAN_*`` variables, then ``overrides`` (None values ignored)."""
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"FARDPLAN_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f.type, raw, f.name)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _coerce(kind: str, raw: str, name: str):
    from graph.errors import FardplanError

    try:
        if "bool" in kind:
            if raw.lower() not in ("1", "0", "true", "false", "yes", "no"):
                raise ValueError(raw)
            return raw.lower() in ("1", "true", "yes")
        if "int" in kind:
            return int(raw)
        if "float" in kind:
            return float(raw)
    except ValueError:
        raise FardplanError(f"FARDPLAN_{name.upper()}: not a valid {kind}: {raw!r}") from None
    return raw
