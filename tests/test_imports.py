"""Imports stay lazy: `strikebot --help`, `strikebot figures` and `import bot` pull in nothing
heavy (no torch, transformers, sentence-transformers, scipy, onnxruntime or faiss).

Answering without torch is checked in test_onnx_encoder.py, which has an index with an export.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ALWAYS_HEAVY = ("torch", "transformers", "sentence_transformers", "scipy", "sklearn")
# Not needed before an engine exists: the model runtime, the vector index, the Telegram client.
NOT_BEFORE_ENGINE = (*ALWAYS_HEAVY, "onnxruntime", "faiss", "telegram", "httpx")

SCRIPT = """
import contextlib, io, json, sys
out = io.StringIO()
code = None
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    if sys.argv[1] == "import":
        import bot, bot.cli  # noqa: F401
        code = 0
    else:
        from bot.cli import main
        try:
            code = main(sys.argv[1:])
        except SystemExit as exc:
            code = exc.code
print(json.dumps({"code": code, "out": out.getvalue(),
                  "modules": sorted({m.split('.')[0] for m in sys.modules})}))
"""


def _modules(*args: str) -> tuple[set[str], str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    run = subprocess.run([sys.executable, "-c", SCRIPT, *args], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["code"] == 0, report
    return set(report["modules"]), report["out"]


@pytest.mark.parametrize("args", [("import",), ("--help",), ("ask", "--help"), ("figures",),
                                  ("figures", "--json")])
def test_light_commands_import_nothing_heavy(args: tuple[str, ...]) -> None:
    modules, out = _modules(*args)
    heavy = sorted(modules & set(NOT_BEFORE_ENGINE))
    assert heavy == [], f"strikebot {' '.join(args)} imported {heavy}"
    if args[0] == "figures":
        assert "walsall" in out.lower()


def test_every_subpackage_ships_in_the_distribution() -> None:
    """A folder of bot/ left out of pyproject's packages is missing from a real install."""
    import tomllib

    from support import ROOT

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "bot").rglob(
        "__init__.py")}
    assert found <= listed, sorted(found - listed)
