import pytest

from recoupe.config import Settings, describe_settings
from recoupe.errors import ConfigError, PipelineError
from recoupe.pipeline import DEFAULT_STAGES, Pipeline, StrictStop
from recoupe.registry import stages

from .conftest import ROOT, make_raw


def test_a_stage_before_what_it_requires_is_refused_with_the_stage_that_assigns_it() -> None:
    with pytest.raises(PipelineError, match=r"stage 'sentences' at position 0.*'text' \(assigned by clean\)"):
        Pipeline(["sentences", "clean"])


def test_an_unknown_stage_lists_the_available_ones() -> None:
    with pytest.raises(ConfigError, match="no stage of that name; available: .*annotate"):
        Pipeline(["clean", "nope"])


def test_every_default_stage_is_registered_with_a_contract() -> None:
    for name in DEFAULT_STAGES:
        info = stages.get(name).info  # type: ignore[attr-defined]
        assert info.name == name and info.assigns


def test_failures_are_recorded_and_the_batch_goes_on() -> None:
    corpus = Pipeline(["clean"]).run(
        [make_raw("PARTAGER :\n-A +A", id="bad"), make_raw("Un vrai texte de sept mots ici.", id="ok")]
    )
    assert [d.id for d in corpus.documents] == ["ok"]
    assert [(f.stage, f.code) for f in corpus.failures] == [("clean", "E106")]


def test_strict_stops_at_the_first_failure() -> None:
    with pytest.raises(StrictStop) as stop:
        Pipeline(["clean"], settings=Settings(strict=True)).run(
            [make_raw("©AFP", id="bad"), make_raw("Un vrai texte de sept mots ici.", id="ok")]
        )
    assert stop.value.exit_code == 3 and "test:bad" in str(stop.value)


def test_settings_are_validated_and_read_from_the_environment() -> None:
    with pytest.raises(ConfigError, match="words: must be at least 10"):
        Settings(words=3)
    assert Settings().with_env({"RECOUPE_WORDS": "150", "RECOUPE_STRICT": "yes"}) == Settings(words=150, strict=True)


def test_every_setting_is_documented() -> None:
    readme = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert "docs/settings.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    for name, _, help_text in describe_settings():
        assert f"`{name}`" in readme and help_text
