"""The smoke run of an installed kg, outside the checkout: what `pip install .` must give.

Shared by tests/test_packaging.py (the wheel installed into a fresh venv, dependencies borrowed) and
.ci/wheel-check (the wheel installed with its dependencies into a clean venv):

    python tests/wheel_smoke.py VENV/bin/kg SEEDS_FOLDER

It builds the seeds into a store in a temporary folder, runs every saved query that `kg query --list`
names (required parameters get a value of their type), `kg validate`, `kg export --format turtle`, and
`kg serve` answering one saved query over HTTP. Any failure raises SmokeError naming the command.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

#: A value for a required parameter of each type (`entity` names a person in the seeds).
SAMPLE_VALUES = {"entity": "Barack Obama", "string": "Iran", "date": "2015-09-01", "decimal": "0.5",
                 "integer": "1", "boolean": "true", "iri": "http://kg.example.org/id/person/barack-obama"}


class SmokeError(AssertionError):
    """A command of the smoke run failed or answered something else than expected."""


def smoke_run(kg: Path, seeds: Path, workdir: Path) -> list[str]:
    """Run the installed `kg` executable on `seeds` with `workdir` as the current folder; the lines it
    returns say what was checked."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_") and k not in ("PYTHONPATH", "PYTHONHOME")}
    store = workdir / "store"
    done = []

    def run(*args: str, timeout: float = 300) -> str:
        result = subprocess.run([str(kg), *args], cwd=workdir, env=env, capture_output=True, text=True,
                                timeout=timeout)
        if result.returncode != 0:
            raise SmokeError(f"`kg {' '.join(args)}` exited with {result.returncode}: {result.stderr.strip()[-2000:]}")
        done.append(f"kg {' '.join(args)}")
        return result.stdout

    version = run("--version")
    if not re.search(r"\d+\.\d+", version):
        raise SmokeError(f"`kg --version` printed {version!r}")
    run("build", str(seeds), "--store", str(store))
    listing = run("query", "--list")
    names = [line.split()[0] for line in listing.splitlines() if line.strip()]
    if "people-roles" not in names:
        raise SmokeError(f"`kg query --list` does not list the shipped queries: {listing!r}")
    for line in listing.splitlines():
        if not line.strip():
            continue
        params = [f"{name}={SAMPLE_VALUES[kind]}" for name, kind in re.findall(r"(\w+) \((\w+), required\)", line)]
        out = run("query", line.split()[0], "--store", str(store), "--format", "json",
                  *[arg for p in params for arg in ("--param", p)])
        json.loads(out)
    rows = json.loads(run("query", "people-roles", "--store", str(store), "--format", "json"))
    if not rows:
        raise SmokeError("people-roles found no roles in the seeds")
    validated = run("validate", "--store", str(store))
    if "conforms" not in validated:
        raise SmokeError(f"`kg validate` printed {validated!r}")
    turtle = run("export", "--format", "turtle", "--store", str(store))
    if "@prefix dip:" not in turtle and "PREFIX dip:" not in turtle:
        raise SmokeError("`kg export --format turtle` wrote no dip: prefix")
    with _served(kg, store, workdir, env) as url:
        for path in ("/api/queries/people-roles", "/", "/static/app.css"):
            with urllib.request.urlopen(url + path, timeout=60) as response:
                body = response.read()
            if response.status != 200 or not body:
                raise SmokeError(f"GET {path} answered {response.status}")
            if path.startswith("/api/") and not json.loads(body)["results"]["bindings"]:
                raise SmokeError(f"GET {path} answered no rows: {body[:200]!r}")
            done.append(f"GET {path}")
    return done


@contextlib.contextmanager
def _served(kg: Path, store: Path, workdir: Path, env: dict[str, str]) -> Iterator[str]:
    """`kg serve` on a free loopback port, until it answers; stopped afterwards."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([str(kg), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)],
                                cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None:
                    log.seek(0)
                    raise SmokeError(f"`kg serve` exited with {proc.returncode}: {log.read().decode()[-2000:]}")
                with contextlib.suppress(OSError), urllib.request.urlopen(url + "/api/queries", timeout=2) as r:
                    if r.status == 200:
                        break
                if time.monotonic() > deadline:
                    raise SmokeError("`kg serve` did not answer within 60 s")
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tests/wheel_smoke.py KG_EXECUTABLE SEEDS_FOLDER", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kg-smoke-") as tmp:
        try:
            for line in smoke_run(Path(argv[0]).resolve(), Path(argv[1]).resolve(), Path(tmp)):
                print(f"ok  {line}")
        except SmokeError as e:
            print(f"FAILED  {e}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
