from __future__ import annotations

import pytest

from corroborate.extract.attribution import Attributor


@pytest.mark.parametrize(
    ("sentence", "needle", "speaker", "channel"),
    [
        ("Jane Doe, the mayor of Springfield, told local radio that 12 people died.", "12 people",
         "Jane Doe", "local radio"),
        ("Police said two men were arrested on Friday.", "two men", "Police", None),
        ("Two men were arrested, according to the sheriff's office.", "Two men",
         "sheriff's office", None),
        ("The Associated Press reported that an army spokesman said 40 soldiers were killed.",
         "40 soldiers", "army spokesman", "Associated Press"),
        ("Forty soldiers were killed in the ambush.", "Forty", None, None),
    ],
)
def test_attribution_speaker_and_channel(nlp, sentence, needle, speaker, channel) -> None:
    doc = nlp(sentence)
    start = sentence.index(needle)
    att = Attributor(doc).for_span(start, start + len(needle))
    assert att.speaker == speaker
    assert att.channel == channel


def test_attribution_seed_speakers_match_gold(nlp, seeds_dir, gold) -> None:
    """Every speaker the gold lists for a seed report is found with its channel."""
    for stem, report in gold["reports"].items():
        doc = nlp((seeds_dir / f"{stem}.txt").read_text())
        found = Attributor(doc).speakers()
        names = {(a.speaker or "").lower() for a in found}
        for expected in report["attributions"]:
            speaker = expected["speaker"].lower()
            assert any(speaker in n or n.endswith(speaker.split()[-1]) for n in names if n), (
                stem, speaker, names)
            if expected.get("channel"):
                assert any(a.channel == expected["channel"] for a in found
                           if a.speaker and speaker.split()[-1] in a.speaker.lower()), expected
