"""The CLI end to end on real seeds and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.cli import EXIT_SKIPPED, main


def test_cli_run_seeds_json(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.json"
    assert main(["run", str(seeds_dir), "-o", str(out), "--no-progress"]) == 0
    doc = json.loads(out.read_text())
    assert doc["schema"] == "corroborate/1" and doc["incidents"]


def test_cli_bad_inputs_are_diagnosed_and_change_the_exit_status(
        seeds_dir: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "nav.html").write_text("<html><body><nav>Home | About</nav></body></html>")
    (tmp_path / "latin.txt").write_bytes(
        "Deux personnes ont été tuées à Besançon, a indiqué la préfecture.".encode("latin-1"))
    (tmp_path / "fr.txt").write_text(
        "Au moins trois personnes ont été tuées mardi dans une explosion à Lyon, "
        "a annoncé la préfecture du Rhône dans un communiqué.")
    seed = next(seeds_dir.glob("*.txt"))
    (tmp_path / "seed.txt").write_text(seed.read_text())
    out = tmp_path / "out.json"
    status = main(["run", str(tmp_path), "-o", str(out), "--no-progress"])
    assert status == EXIT_SKIPPED
    doc = json.loads(out.read_text())
    codes = {d["code"] for d in doc["diagnostics"]}
    assert {"empty", "binary", "no_article", "unsupported_language", "encoding"} <= codes
    assert len(doc["reports"]) == 1  # the seed copy made it through
    assert "unsupported_language" in capsys.readouterr().err


def test_cli_run_jsonl_streams_the_same_incidents(seeds_dir: Path, seeds_run,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    (tmp_path / "in").mkdir()
    for seed in seeds_dir.glob("*.txt"):
        (tmp_path / "in" / seed.name).write_text(seed.read_text())
    (tmp_path / "in" / "empty.txt").write_text("")
    status = main(["run", str(tmp_path / "in"), "-f", "jsonl", "-o", str(out), "--no-progress"])
    assert status == EXIT_SKIPPED  # the empty file was skipped, and said so
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    expected = [json.loads(json.dumps(i.to_dict())) for i in seeds_run.incidents]
    assert sorted(lines, key=lambda d: d["id"]) == sorted(expected, key=lambda d: d["id"])
