"""One load in a fresh process, so its peak RSS is clean: ``python -m bench.load_child ENGINE FILE [DIR]``.

Engines: ``oxigraph-memory`` and ``oxigraph-disk`` (the app's path: :func:`graph.rdf.formats.parse_file`, then one
atomic :meth:`Store.insert`), ``app-warmed`` (oxigraph-memory, then the explorer's start-up warm-up: index, search
tables, analysis views, collaboration network), ``checked`` (what ``fardplan load FILE --store oxigraph:DIR``
does: the store seeded first, untimed, then :func:`graph.load.loader.load_files`: stage and parse, SHACL check in
SPARQL, one transaction into the on-disk store), and ``rdflib`` (``rdflib.Graph().parse``). Prints one JSON
line: seconds, triples, peak and baseline RSS (MB, VmHWM), and for app-warmed the warm-up's seconds.
"""

from __future__ import annotations

import json
import resource
import sys
import time

__all__ = ["main"]


def _rss_mb() -> float:
    """Peak RSS of this process image (VmHWM). ``ru_maxrss`` is not used: after fork+exec it keeps the parent's
    high-water mark, so a child of a big benchmark process would report the parent's size."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # elsewhere: kilobytes (Linux)


def main(argv: list[str]) -> int:
    """Load ``argv[1]`` with engine ``argv[0]`` and print the measurements."""
    engine, path = argv[0], argv[1]
    if engine == "rdflib":
        from rdflib import Graph
    else:
        from graph.load.loader import load_files
        from graph.rdf.formats import parse_file
        from graph.store import EmbeddedStore
    if engine == "checked":  # as `fardplan load FILE --store oxigraph:DIR` does it: seed, then the checked load
        from graph.load.loader import ensure_seeded
        from graph.settings import Settings

        store = EmbeddedStore(argv[2])
        ensure_seeded(store)
    baseline = _rss_mb()
    start = time.perf_counter()
    if engine == "checked":
        triples = load_files(store, [path], max_bytes=Settings.from_env().max_load_bytes).quads
    elif engine == "rdflib":
        graph = Graph()
        graph.parse(path, format="nt")
        triples = len(graph)
    elif engine == "checked":
        raise AssertionError("handled before the baseline")
    else:
        store = EmbeddedStore(argv[2] if engine == "oxigraph-disk" else None)
        store.insert(parse_file(path))
        triples = store.count()
    seconds = time.perf_counter() - start
    extra = {}
    if engine == "app-warmed":
        from graph.settings import Settings
        from ui.app import AppContext

        start = time.perf_counter()
        AppContext(store, Settings.from_env(store="memory")).warm()
        extra["warm_seconds"] = time.perf_counter() - start
    if engine != "rdflib":
        store.close()
    print(json.dumps({"engine": engine, "seconds": seconds, "triples": triples, "peak_rss_mb": _rss_mb(),
                      "baseline_rss_mb": baseline, **extra}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
