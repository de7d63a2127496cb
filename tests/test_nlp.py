"""The pipeline's identity, read without loading it."""

from __future__ import annotations

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
