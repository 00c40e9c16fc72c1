from __future__ import annotations

import corroborate


def test_exports_all_names_resolve_and_nothing_else_is_public() -> None:
    public = {n for n in dir(corroborate) if not n.startswith("_") and
              not isinstance(getattr(corroborate, n), type(corroborate))}
    assert set(corroborate.__all__) - {"__version__"} == public - {"annotations"}
    for name in corroborate.__all__:
        assert getattr(corroborate, name) is not None
