"""The `kg export` and `kg viz` commands: parse options, call kg.export, write the bytes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.errors import InputError, QueryError

FORMAT_HELP = ("RDF: turtle, trig, nt, nq, jsonld (compacted, readable keys), rdfxml. Property graph: graphml, "
               "gexf (colours, timeline), cytoscape (Cytoscape.js JSON), neo4j (a folder of CSVs for "
               "neo4j-admin import; needs -o), dot (Graphviz).")


def projection_options(f):
    """The options that shape the property-graph projection (shared by export and viz)."""
    for opt in reversed([
        click.option("--people-only", is_flag=True, help="Only Person nodes (and the edges between them)."),
        click.option("--facts", default=None, metavar="KINDS",
                     help="Which facts become edges between entities: a comma list of roles, meetings, "
                          "statements, agreements, contested, part-of, or all (default roles,meetings,"
                          "statements,part-of)."),
        click.option("--include", default="", metavar="KINDS",
                     help="Also project fact nodes: a comma list of meetings, statements, agreements."),
        click.option("--since", metavar="DATE", help="Only facts dated (or published) on or after DATE."),
        click.option("--until", metavar="DATE", help="Only facts dated (or published) on or before DATE."),
        click.option("--min-weight", default=None, metavar="N",
                     help="Only edges between entities reported at least N times (default 1)."),
        click.option("--isolated/--no-isolated", "isolated", default=None,
                     help="Keep nodes without any edge (default: kept by kg export, dropped by kg viz)."),
        click.option("--query", "query_name", metavar="NAME", help="Project a saved CONSTRUCT query instead."),
        click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of --query."),
        click.option("--store", "store", metavar="PATH", help="Store folder (env KG_STORE, default ./kg-store)."),
    ]):
        f = opt(f)
    return f


def _values(params: tuple[str, ...]) -> dict[str, str]:
    from kg.queries.params import parse_pairs

    return parse_pairs(params)


def _shaping(people_only: bool, include: str, since: str | None, until: str | None, facts: str | None = None,
             min_weight: str | None = None, isolated: bool | None = None) -> list[str]:
    return [name for name, given in (("--people-only", people_only), ("--include", include), ("--since", since),
                                     ("--until", until), ("--facts", facts), ("--min-weight", min_weight),
                                     ("--isolated", isolated is not None)) if given]


def _options(people_only: bool, include: str, since: str | None, until: str | None, facts: str | None,
             min_weight: str | None, isolated: bool) -> object:
    from kg.export import Options

    return Options.parse(people_only=people_only, include=include, since=since, until=until, facts=facts,
                         min_weight=min_weight, keep_isolated=isolated)


def _say_stats(graph: object, what: str) -> None:
    from kg.export.stats import graph_stats

    click.echo(f"{what}: {graph_stats(graph).line()}", err=True)  # type: ignore[arg-type]


@click.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nt", "nq", "jsonld", "rdfxml", "graphml",
                                                    "gexf", "cytoscape", "neo4j", "dot"]),
              default="turtle", show_default=True, help=FORMAT_HELP)
@click.option("-o", "--output", type=click.Path(), help="Write to this file (a folder for neo4j) instead of stdout.")
@click.option("--graph", "doc_id", metavar="DOC_ID", help="RDF formats: only this document's graph.")
@projection_options
def export(fmt: str, output: str | None, doc_id: str | None, people_only: bool, facts: str | None, include: str,
           since: str | None, until: str | None, min_weight: str | None, isolated: bool | None,
           query_name: str | None, params: tuple[str, ...], store: str | None) -> None:
    """Export the graph as RDF, or its property-graph projection for graph tools (Gephi, Cytoscape, Neo4j, yEd)."""
    from kg import export as ex
    from kg.config import Settings
    from kg.queries import Catalogue
    from kg.store.factory import open_store

    settings = Settings().with_(store=store)
    kg_store = open_store(settings.store, base_iri=settings.base_iri, read_only=True, token=settings.store_token)
    shaping = _shaping(people_only, include, since, until, facts, min_weight, isolated)
    if fmt == "neo4j" and not output:
        raise InputError("--format neo4j writes a folder of CSV files: give it with -o FOLDER")
    if params and not query_name:
        raise QueryError("--param is for --query NAME")
    if query_name:
        if shaping or doc_id:
            raise InputError(f"{(shaping or ['--graph'])[0]} shapes the built-in projection; it does not apply to --query")
        query = Catalogue(settings.queries_dir).get(query_name)
        if fmt == "neo4j":
            _neo4j(ex.project_query(kg_store, query, _values(params)), output)
            return
        _write(ex.export_query(kg_store, query, _values(params), fmt), output)
    elif fmt in ex.RDF_FORMATS:
        if shaping:
            raise InputError(f"{shaping[0]} shapes the property-graph formats; RDF exports hold the whole graph "
                             "(use --graph DOC_ID, or a graph format)")
        _write(ex.render_rdf(kg_store, fmt, graph=doc_id), output)
    else:
        if doc_id:
            raise InputError("--graph is for RDF formats; shape a graph format with --since/--until or --query")
        graph = ex.project(kg_store, _options(people_only, include, since, until, facts, min_weight,  # type: ignore[arg-type]
                                              True if isolated is None else isolated))
        if output:
            _say_stats(graph, output)
        if fmt == "neo4j":
            _neo4j(graph, output)
        else:
            _write(ex.render(graph, fmt), output)


def _neo4j(graph: object, output: str | None) -> None:
    from kg.export.neo4j import write_neo4j

    assert output is not None  # checked by the caller
    written = write_neo4j(graph, output)  # type: ignore[arg-type]
    click.echo(f"wrote {len(written)} files to {output} (run sh import.sh there with neo4j-admin)", err=True)


@click.command()
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@projection_options
def viz(output: str, people_only: bool, facts: str | None, include: str, since: str | None, until: str | None,
        min_weight: str | None, isolated: bool | None, query_name: str | None, params: tuple[str, ...],
        store: str | None) -> None:
    """Write a self-contained offline HTML explorer of the graph (open it in any browser)."""
    from kg import export as ex
    from kg.config import Settings
    from kg.export.viz import viz_html, viz_page
    from kg.queries import Catalogue
    from kg.store import KgStore

    settings = Settings().with_(store=store)
    kg_store = KgStore(settings.store, base_iri=settings.base_iri, read_only=True)
    if query_name:
        if shaping := _shaping(people_only, include, since, until, facts, min_weight, isolated):
            raise InputError(f"{shaping[0]} shapes the built-in projection; it does not apply to --query")
        graph = ex.project_query(kg_store, Catalogue(settings.queries_dir).get(query_name), _values(params))
        page = viz_html(graph, {}, title=f"kg graph: {query_name}")
    else:
        if params:
            raise QueryError("--param is for --query NAME")
        page, graph = viz_page(kg_store, _options(people_only, include, since, until, facts, min_weight,  # type: ignore[arg-type]
                                                  bool(isolated)))
        _say_stats(graph, output)
    _write(page.encode("utf-8"), output)
    click.echo(f"wrote {output} ({len(page) // 1024} KiB); open it in a browser, no network needed", err=True)


def _write(data: bytes, output: str | None) -> None:
    if output:
        try:
            Path(output).write_bytes(data)
        except OSError as e:
            raise InputError(f"cannot write {output}: {e.strerror}") from e
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
