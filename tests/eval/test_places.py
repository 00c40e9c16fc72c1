from __future__ import annotations

import pytest

from corroborate.eval.places import place_key, same_place


def test_places_county_is_its_name_but_a_named_direction_is_not() -> None:
    assert place_key("Los Angeles County") == place_key("Los Angeles")
    assert place_key("PALM BEACH COUNTY") == place_key("Palm Beach")
    assert place_key("West Palm Beach") != place_key("Palm Beach")
    assert place_key("St. George") == place_key("Saint George")


@pytest.mark.parametrize(("pred", "gold", "same"), [
    ("Pittsburgh", "Pittsburgh (Mount Oliver)", True),
    ("Mount Oliver", "Pittsburgh (Mount Oliver)", True),
    ("Erie", "Pittsburgh (Mount Oliver)", False),
    (None, "Erie", False),
])
def test_places_gold_neighbourhood_forms(pred, gold, same) -> None:
    assert same_place(pred, gold) is same
