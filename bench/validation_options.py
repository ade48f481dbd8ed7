"""Side-by-side SHACL options for the checked load (docs/validation.md): ``python -m bench.validation_options``.

Each option validates the same synthetic city (N-Triples) in a fresh child process with a time limit, and prints
one row per option and size: seconds for the validation alone (the data already parsed into what the option
needs), the number of results and the child's peak RSS. Options:

* ``pyshacl-all``: pyshacl with every shape, SHACL-SPARQL included (rdflib's engine);
* ``before``: the code before issue 10: core shapes in pyshacl, ``sh:sparql`` in pyoxigraph, with the old
  FILTER NOT EXISTS provenance constraint;
* ``a-rewritten``: the same with the rewritten (OPTIONAL/!BOUND) constraint, the shapes of today;
* ``c-turbo``: pyshacl-turbo (Rust, pySHACL-compatible API) with every shape;
* ``c-turbo-core``: pyshacl-turbo for the core shapes, ``sh:sparql`` in pyoxigraph;
* ``c-rudof``: pyrudof's native SHACL engine with every shape;
* ``d-sparql``: every shape compiled to SPARQL and run by pyoxigraph (:mod:`graph.load.validate`, what loads use).

``pyshacl-turbo`` and ``pyrudof`` are not project dependencies: install them to measure them
(``pip install pyshacl-turbo pyrudof``); a missing one is reported as such.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["OPTIONS", "main"]

OPTIONS = ("pyshacl-all", "before", "a-rewritten", "c-turbo", "c-turbo-core", "c-rudof", "d-sparql")
OLD_PROVENANCE = "FILTER NOT EXISTS { ?a a fp:Assertion ; rdf:subject $this ; rdf:predicate ?p ; rdf:object ?o }"


def _peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:"))


def _shapes(old: bool):
    """The shapes graph, and (core, sparql checks) split like the code before issue 10."""
    import re

    from rdflib import Graph, Literal

    from graph.load.validate import ONTOLOGY_DIR, SH, SHAPE_FILES

    full = Graph()
    for name in SHAPE_FILES:
        text = (ONTOLOGY_DIR / name).read_text(encoding="utf-8")
        if old:
            text = re.sub(r"OPTIONAL \{ \?a rdf:subject \$this[^}]*\}\s*FILTER \(!BOUND\(\?a\)\)", OLD_PROVENANCE, text)
        full.parse(data=text, format="turtle")
    core = Graph()
    for triple in full:
        core.add(triple)
    sparql = []
    for shape, constraint in list(full.subject_objects(SH.sparql)):
        core.remove((shape, SH.sparql, constraint))
        prefixes = "".join(f"PREFIX {full.value(d, SH.prefix)}: <{full.value(d, SH.namespace)}>\n"
                           for d in full.objects(full.value(constraint, SH.prefixes), SH.declare))
        targets = [f"{{ ?this a <{c}> }}" for c in full.objects(shape, SH.targetClass)]
        targets += [f"{{ ?this <{p}> [] }}" for p in full.objects(shape, SH.targetSubjectsOf)]
        body = str(full.value(constraint, SH.select)).replace("$this", "?this")
        query = re.sub(r"WHERE\s*\{", "WHERE {\n" + " UNION ".join(targets) + " .\n", body, count=1)
        msgs = [m for m in full.objects(constraint, SH.message) if isinstance(m, Literal)]
        sparql.append((prefixes + query, str(msgs[0]) if msgs else ""))
    return full, core, sparql


def _ox_sparql(path: Path, sparql: list) -> tuple[int, float]:
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    start = time.perf_counter()
    return sum(len(list(store.query(q))) for q, _ in sparql), time.perf_counter() - start


def child(option: str, path: Path) -> dict:
    """Run one option on one file; the validation's seconds exclude parsing."""
    from rdflib import Graph

    extra = 0.0
    if option == "d-sparql":
        import pyoxigraph as ox

        from graph.load.validate import checks, validate_store

        checks()
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        start = time.perf_counter()
        results = len(validate_store(store))
        return {"seconds": time.perf_counter() - start, "results": results}
    if option == "c-rudof":
        import pyrudof

        from graph.load.validate import ONTOLOGY_DIR, SHAPE_FILES

        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        shapes = "\n".join((ONTOLOGY_DIR / n).read_text(encoding="utf-8") for n in SHAPE_FILES)
        rudof.read_shacl(shapes)
        rudof.read_data(str(path), format=pyrudof.RDFFormat.NTriples)
        start = time.perf_counter()
        report = rudof.validate_shacl()
        return {"seconds": time.perf_counter() - start, "results": len(list(report.violations()))}
    full, core, sparql = _shapes(old=option == "before")
    data = Graph().parse(str(path), format="nt")
    if option in ("c-turbo", "c-turbo-core"):
        import pyshacl_turbo as engine
    else:
        import pyshacl as engine
    shapes = full if option in ("pyshacl-all", "c-turbo") else core
    start = time.perf_counter()
    _, report, _ = engine.validate(data, shacl_graph=shapes, advanced=True, allow_warnings=True)
    seconds = time.perf_counter() - start
    from rdflib import RDF, Namespace

    results = len(list(report.subjects(RDF.type, Namespace("http://www.w3.org/ns/shacl#").ValidationResult)))
    if option in ("before", "a-rewritten", "c-turbo-core"):
        found, extra = _ox_sparql(path, sparql)
        results += found
    return {"seconds": seconds + extra, "results": results, "core_s": seconds, "sparql_s": extra}


def main(argv: list[str] | None = None) -> int:
    """Run every option at every size, each in a child process, and print a Markdown table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10000,100000")
    p.add_argument("--options", default=",".join(OPTIONS))
    p.add_argument("--timeout", type=float, default=120.0, help="seconds one option may take at one size")
    p.add_argument("--child", nargs=2, metavar=("OPTION", "FILE"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        out = child(args.child[0], Path(args.child[1]))
        print(json.dumps({**out, "peak_rss_mb": _peak_mb()}))
        return 0
    from bench import synthetic

    sizes = [int(s) for s in args.sizes.split(",")]
    print("| option | " + " | ".join(f"{s:,} triples" for s in sizes) + " |")
    print("|---" * (len(sizes) + 1) + "|")
    with tempfile.TemporaryDirectory() as tmp:
        files = {s: synthetic.write(synthetic.generate(s), Path(tmp) / f"city-{s}.nt") for s in sizes}
        for option in args.options.split(","):
            cells = []
            for size in sizes:
                cmd = [sys.executable, "-m", "bench.validation_options", "--child", option, str(files[size])]
                try:
                    run = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
                except subprocess.TimeoutExpired:
                    cells.append(f"> {args.timeout:.0f} s (stopped)")
                    continue
                if run.returncode != 0:
                    cells.append("failed: " + (run.stderr.strip().splitlines() or ["?"])[-1][:80])
                    continue
                r = json.loads(run.stdout.strip().splitlines()[-1])
                cells.append(f"{r['seconds']:.2f} s, {r['peak_rss_mb']:.0f} MB, {r['results']} results")
            print(f"| {option} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
