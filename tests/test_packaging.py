"""The wheel is one distribution with one import namespace, `quotes`, and it ships models and migrations."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = out.glob("quote_tracker-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel_names(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_only_quotes_is_installed_at_top_level(wheel_names):
    top = {name.split("/")[0] for name in wheel_names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"quotes"}


def test_db_and_cli_are_subpackages(wheel_names):
    assert "quotes/db/__init__.py" in wheel_names and "quotes/cli/main.py" in wheel_names
    assert any(name.startswith("quotes/db/migrations/versions/") for name in wheel_names)
    assert "quotes/db/alembic.ini" in wheel_names


def test_models_and_data_ship_in_the_wheel(wheel_names):
    local_models = {path.name for path in (ROOT / "quotes" / "models" / "en").glob("*.pt")}
    assert local_models, "no models in quotes/models/en to ship"
    assert {f"quotes/models/en/{name}" for name in local_models} <= wheel_names
    assert "quotes/models/MODEL_CARD.md" in wheel_names
    assert "quotes/data/stanza_resources.json" in wheel_names
    assert "quotes/samples/wire-kazakhstan.txt" in wheel_names


def test_console_script_is_quotes(wheel, wheel_names):
    [entry_points] = [name for name in wheel_names if name.endswith("entry_points.txt")]
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(entry_points).decode()
    assert "quotes = quotes.cli.main:main" in text
