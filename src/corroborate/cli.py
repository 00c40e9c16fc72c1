"""Command line: thin wrappers over library functions.

Exit status: 0 all inputs processed; 3 some inputs were skipped (each has a
diagnostic); 2 bad usage or settings; 1 any other error; 4 an eval gate failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from corroborate.errors import CorroborateError

EXIT_SKIPPED = 3
EXIT_GATE = 4


def _write(text: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")


def _progress(total: int | None, enabled: bool, desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="report", disable=not enabled, file=sys.stderr,
                leave=False)


def _default_paths() -> list[str]:
    from corroborate.eval.datasets import shared_dir

    return [str(shared_dir() / "seeds")]


def _run_jsonl(args: argparse.Namespace, paths: list[str]) -> int:
    """``--format jsonl``: stream one incident a line as each is built (big corpora)."""
    from corroborate.engine.local import stream
    from corroborate.ingest.readers import read_reports

    out = sys.stdout if args.output in (None, "-") else \
        open(args.output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        with _progress(None, args.progress, "analysing") as bar:
            summary = stream(read_reports(paths, max_bytes=args.max_bytes),
                             lambda inc: out.write(json.dumps(inc.to_dict(), ensure_ascii=False,
                                                              sort_keys=True) + "\n"),
                             model=args.model, progress=bar.update, engine=args.engine,
                             address=args.scheduler)
    finally:
        if out is not sys.stdout:
            out.close()
    for d in summary.diagnostics:
        print(f"corroborate: {d.code}: {d.message}", file=sys.stderr)
    return EXIT_SKIPPED if any(d.skipped for d in summary.diagnostics) else 0


def cmd_run(args: argparse.Namespace) -> int:
    from corroborate.engine.local import run
    from corroborate.render import get_renderer

    paths = args.paths or _default_paths()
    if args.format == "jsonl":
        return _run_jsonl(args, paths)
    renderer = get_renderer(args.format)
    with _progress(None, args.progress, "analysing") as bar:
        result = run(paths, model=args.model, max_bytes=args.max_bytes, progress=bar.update,
                     engine=args.engine, address=args.scheduler)
    _write(renderer(result.reports, result.incidents, result.diagnostics,
                    pipeline=result.pipeline), args.output)
    for d in result.diagnostics:
        print(f"corroborate: {d.code}: {d.message}", file=sys.stderr)
    return EXIT_SKIPPED if result.skipped else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from corroborate.eval.runner import evaluate, format_table, gate

    results = evaluate(datasets=args.dataset, slice_name=args.slice, model=args.model)
    print(format_table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    if args.gate:
        failures = gate(results, baseline=Path(args.baseline) if args.baseline else None)
        for failure in failures:
            print(f"corroborate: eval gate: {failure}", file=sys.stderr)
        return EXIT_GATE if failures else 0
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from corroborate.eval.bench import bench, format_bench

    results = bench(sizes=args.sizes, model=args.model, show_progress=args.progress,
                    after_nlp=args.after_nlp)
    print(format_bench(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from corroborate.engine.incremental import ingest_paths

    with _progress(None, args.progress, "ingesting") as bar:
        result = ingest_paths(args.store, args.paths, model=args.model,
                              max_bytes=args.max_bytes, progress=bar.update)
    print(f"corroborate: {result.added} new reports, {result.unchanged} already stored, "
          f"{len(result.incidents)} incidents updated", file=sys.stderr)
    for d in result.diagnostics:
        print(f"corroborate: {d.code}: {d.message}", file=sys.stderr)
    return EXIT_SKIPPED if any(d.skipped for d in result.diagnostics) else 0


def cmd_export(args: argparse.Namespace) -> int:
    from corroborate.engine.incremental import export

    data = export(args.store, fmt=args.format)
    if isinstance(data, bytes):
        if args.output in (None, "-"):
            sys.stdout.buffer.write(data)
        else:
            Path(args.output).write_bytes(data)
    else:
        _write(data, args.output)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from corroborate.engine.incremental import show

    _write(show(args.store, args.incident, fmt=args.format), args.output)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from corroborate.api import serve

    serve(args.store, host=args.host, port=args.port, token=args.token)
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default="en_core_web_md",
                   help="spaCy pipeline (default en_core_web_md; en_core_web_sm is lighter)")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="no progress bar on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corroborate", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {}

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str
            ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        commands[name] = func
        return p

    p = add("run", cmd_run,
            "reconcile reports (files, folders, .jsonl, - for stdin) into incidents")
    p.add_argument("paths", nargs="*", help="inputs (default: the seed reports in ../shared/seeds)")
    p.add_argument("--format", "-f", default="json",
                   help="json | md | csv | jsonl (one incident a line, streamed: for big corpora)")
    p.add_argument("--output", "-o", default="-", help="output file, - for stdout")
    p.add_argument("--max-bytes", type=int, default=20_000_000, help="skip larger inputs")
    p.add_argument("--engine", default="local",
                   help="local (in-process, default) | dask (per-report stage on a Dask cluster)")
    p.add_argument("--scheduler", default=None,
                   help="Dask scheduler address for --engine dask (default: a local cluster)")
    _common(p)

    p = add("eval", cmd_eval, "score extraction, clustering and reconciliation on gold datasets")
    p.add_argument("--dataset", action="append", help="gvdb, muc4, gvc, ecbplus (repeatable)")
    p.add_argument("--slice", default="full", help="'ci' = the fast slice gated in CI; 'full'")
    p.add_argument("--json", help="also write the results as JSON here")
    p.add_argument("--gate", action="store_true", help="fail (exit 4) below the baseline floors")
    p.add_argument("--baseline", help="floors file (default: tests/eval/baseline.json)")
    _common(p)

    p = add("bench", cmd_bench, "throughput, peak memory and scaling on replayed datasets")
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    p.add_argument("--after-nlp", action="store_true",
                   help="replay analyses made once: time and memory of everything after the "
                        "NLP stage, at sizes where parsing would take hours")
    p.add_argument("--json", help="also write the results as JSON here")
    _common(p)

    for name, func, help_ in (("ingest", cmd_ingest, "add reports to a store, update incidents"),
                              ("export", cmd_export, "write every incident in the store"),
                              ("show", cmd_show, "print one incident from the store"),
                              ("serve", cmd_serve, "HTTP API and web UI over a store")):
        p = add(name, func, help_)
        p.add_argument("--store", default="corroborate.db",
                       help="sqlite path, sqlite:///path, postgresql://..., or memory:")
        if name == "ingest":
            p.add_argument("paths", nargs="+")
            p.add_argument("--max-bytes", type=int, default=20_000_000)
            _common(p)
        if name == "export":
            p.add_argument("--format", "-f", default="json", help="json | csv | geojson | parquet")
            p.add_argument("--output", "-o", default="-")
        if name == "show":
            p.add_argument("incident")
            p.add_argument("--format", "-f", default="md", help="md | json")
            p.add_argument("--output", "-o", default="-")
        if name == "serve":
            p.add_argument("--host", default="127.0.0.1")
            p.add_argument("--port", type=int, default=8000)
            p.add_argument("--token", default=None, help="bearer token for write endpoints")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CorroborateError as exc:
        print(f"corroborate: error: {exc}", file=sys.stderr)
        return 2 if exc.status == 400 else 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
