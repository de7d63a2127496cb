"""Loading the pipeline: the model key read without loading, and how memory is handed back."""

from __future__ import annotations

import platform
import re

import pytest

from attribution import nlp as nlp_mod


def test_model_key_names_model_and_spacy_without_loading() -> None:
    nlp_mod.model_key.cache_clear()
    key = nlp_mod.model_key()
    assert re.fullmatch(r"en_core_web_sm\w*-3\.8\.\d+/spacy-3\.8\.\d+", key), key


def test_missing_model_is_a_one_line_error_naming_the_package() -> None:
    with pytest.raises(nlp_mod.ModelError, match=r"not installed.*pip install no-such-model"):
        nlp_mod.model_key("no_such_model")


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="a glibc setting")
def test_large_blocks_are_mapped_apart_on_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    assert nlp_mod._map_large_blocks()


def test_a_users_own_malloc_setting_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    assert not nlp_mod._map_large_blocks()
