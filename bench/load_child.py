"""One load in a fresh process, so its peak RSS is clean: ``python -m bench.load_child ENGINE FILE [DIR]``.

Engines: ``oxigraph-memory`` and ``oxigraph-disk`` (the app's path: :func:`graph.rdfio.parse_file`, then one
atomic :meth:`Store.insert`), ``checked`` (:func:`graph.loading.load_files`: parse, SHACL check, insert), and
``rdflib`` (``rdflib.Graph().parse``). Prints one JSON line: seconds, triples, peak and baseline RSS (MB, VmHWM).
"""

from __future__ import annotations

import json
import resource
import sys
import time


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
        from graph.loading import load_files
        from graph.rdfio import parse_file
        from graph.store import EmbeddedStore
    baseline = _rss_mb()
    start = time.perf_counter()
    if engine == "rdflib":
        graph = Graph()
        graph.parse(path, format="nt")
        triples = len(graph)
    elif engine == "checked":
        store = EmbeddedStore()
        triples = load_files(store, [path]).quads
    else:
        store = EmbeddedStore(argv[2] if engine == "oxigraph-disk" else None)
        store.insert(parse_file(path))
        triples = store.count()
        store.close()
    seconds = time.perf_counter() - start
    print(json.dumps({"engine": engine, "seconds": seconds, "triples": triples, "peak_rss_mb": _rss_mb(),
                      "baseline_rss_mb": baseline}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
