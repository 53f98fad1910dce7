"""Apache Jena's `rsparql` and `rupdate` from Debian's libapache-jena-java, for the tests and the README.

Debian ships Jena as jars without launch scripts, so this runs `java -cp CLASSPATH arq.rsparql ...`:

    python tests/server/jena.py rsparql --service http://127.0.0.1:7878/sparql --query q.rq
    python tests/server/jena.py rupdate --service http://kg:TOKEN@127.0.0.1:7878/update --update u.ru

The class path is Jena's jars and their dependencies with one SLF4J binding (`/usr/share/java/*`
holds two, and Jena then stops at start: "Detected both log4j-over-slf4j.jar AND bound
slf4j-log4j12.jar"), plus a folder with xerces' regex messages under the package name Debian's
jena-core 4.5.0 moved its xerces classes to (without them Jena fails at start with
"ExceptionInInitializerError ... internal error" in XSSimpleTypeDecl).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

JARS = Path("/usr/share/java")
DEPENDENCIES = ["commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
                "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-core", "jackson-databind",
                "jackson-annotations", "jsonld-java", "jakarta.json-api", "protobuf", "slf4j-api", "slf4j-nop",
                "thrift", "titanium-json-ld"]
_MESSAGES = "org/apache/jena/ext/xerces/impl/xpath/regex/message.properties"


def missing() -> str | None:
    """Why Jena cannot run here (None when it can)."""
    if shutil.which("java") is None:
        return "java is not installed (apt-get install default-jre-headless)"
    if not (JARS / "jena-arq.jar").is_file():
        return "Apache Jena is not installed (apt-get install libapache-jena-java)"
    return None


def classpath() -> str:
    jena = sorted(str(p) for p in JARS.glob("jena-*.jar") if not p.stem[-1].isdigit())  # not the versioned copies
    deps = [str(JARS / f"{name}.jar") for name in DEPENDENCIES if (JARS / f"{name}.jar").is_file()]
    return os.pathsep.join([*jena, *deps, str(_messages_folder())])


def _messages_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "kg-jena-xerces-messages"
    target = folder / "xerces/impl/xpath/regex/message.properties"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(JARS / "jena-core.jar") as jar:
            target.write_bytes(jar.read(_MESSAGES))
    return folder


def command(tool: str, *args: str) -> list[str]:
    """The command line running Jena's `tool` (rsparql, rupdate, ...) with `args`."""
    return ["java", "-cp", classpath(), f"arq.{tool}", *args]


if __name__ == "__main__":
    if (why := missing()) is not None:
        sys.exit(why)
    sys.exit(subprocess.call(command(sys.argv[1], *sys.argv[2:])))
