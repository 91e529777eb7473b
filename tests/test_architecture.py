"""The layering rules (pages → components → lessons, lessons never import streamlit), checked on the source."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


LESSON_FILES = sorted((ROOT / "lessons").rglob("*.py"))
COMPONENT_FILES = sorted((ROOT / "components").rglob("*.py"))


@pytest.mark.parametrize("path", LESSON_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_lessons_import_neither_streamlit_nor_components(path):
    forbidden = _imports(path) & {"streamlit", "components", "pages"}
    assert not forbidden, f"{path.name} imports {forbidden}"


@pytest.mark.parametrize("path", COMPONENT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_components_never_import_pages(path):
    assert "pages" not in _imports(path)


def test_every_page_file_is_registered_and_calls_setup():
    from components import navigation

    registered = {spec.path for spec in navigation.PAGES}
    for path in sorted((ROOT / "pages").glob("*.py")):
        relative = str(path.relative_to(ROOT))
        assert relative in registered, f"{relative} is not in components.navigation.PAGES"
        assert "page.setup()" in path.read_text(encoding="utf-8"), (
            f"{relative} must call page.setup()"
        )


def test_url_paths_are_the_product_contract():
    from components import navigation

    assert [p.url_path for p in navigation.PAGES] == [
        "",
        "frame",
        "split",
        "leakage",
        "train",
        "metrics",
        "experiments",
        "monitor",
        "data",
        "guided",
        "plans",
        "room",
    ]
