from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.ingest.readers import read_reports
from corroborate.records import Diagnostic, Report, report_id


def _items(*paths: Path) -> list[Report | Diagnostic]:
    return list(read_reports(list(paths)))


def test_readers_text_file_gets_stable_content_id(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Two people were killed in a blast on Monday.\r\n")
    b = tmp_path / "b.txt"
    b.write_text("Two  people were killed in a blast on Monday.\n\n")
    (ra,), (rb,) = _items(a), _items(b)
    assert isinstance(ra, Report) and isinstance(rb, Report)
    assert ra.id == rb.id == report_id(ra.text)
    assert "\r" not in ra.text


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "empty"), (b"   \n\t", "empty"), (b"\x00\x01\x02PK\x03\x04" * 50, "binary")],
)
def test_readers_bad_bytes_get_a_diagnostic(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = _items(path)
    assert isinstance(item, Diagnostic)
    assert item.code == code and item.skipped and str(path) in item.message


def test_readers_non_utf8_is_decoded_with_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le préfet a confirmé deux morts à Besançon.".encode("latin-1"))
    items = _items(path)
    codes = [i.code for i in items if isinstance(i, Diagnostic)]
    reports = [i for i in items if isinstance(i, Report)]
    assert codes == ["encoding"]
    assert reports and "préfet" in reports[0].text


def test_readers_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    items = _items(path)
    assert any(isinstance(i, Diagnostic) and i.code == "no_article" for i in items)
    assert not any(isinstance(i, Report) for i in items)


def test_readers_truncated_html_keeps_text_and_warns(tmp_path: Path) -> None:
    body = " ".join(["Police said three people were wounded in the shooting downtown."] * 5)
    path = tmp_path / "cut.html"
    path.write_text(f"<html><head><title>Shooting</title></head><body><article><p>{body}</p>"
                    "<p>The investigation contin")
    items = _items(path)
    assert any(isinstance(i, Diagnostic) and i.code == "truncated" for i in items)
    reports = [i for i in items if isinstance(i, Report)]
    assert reports and "three people were wounded" in reports[0].text


def test_readers_jsonl_metadata_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "A bomb exploded in the market.", "outlet": "Wire",
                    "published": "2024-01-04", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"url": "https://example.org/b"}),
        json.dumps({"text": "Ok.", "published": 20240104}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = _items(path)
    reports = [i for i in items if isinstance(i, Report)]
    codes = sorted(i.code for i in items if isinstance(i, Diagnostic))
    assert [r.id for r in reports] == ["x1"]
    assert reports[0].outlet == "Wire" and reports[0].published == "2024-01-04"
    assert codes == ["bad_json", "bad_record", "bad_record"]


def test_readers_missing_path_and_folder_walk(tmp_path: Path, seeds_dir: Path) -> None:
    items = _items(seeds_dir, tmp_path / "nope.txt")
    assert sum(isinstance(i, Report) for i in items) == len(list(seeds_dir.glob("*.txt")))
    assert any(isinstance(i, Diagnostic) and i.code == "not_found" for i in items)


def test_readers_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    (item,) = list(read_reports([path], max_bytes=100))
    assert isinstance(item, Diagnostic) and item.code == "too_large"
