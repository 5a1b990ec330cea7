import csv
import json
import re

from quotes.db.export import EXPORT_COLUMNS

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?")


def run(invoke, stored, *args):
    result = invoke("export", *args, "--db", stored)
    return result.exit_code, result.stdout, result.stderr


def test_csv_exact(invoke, stored):
    code, out, err = run(invoke, stored, "--speaker", "Matteo Lindqvist")
    assert (code, err) == (0, "Exported 3 quotes; next time pass --since-id 4 for newer ones\n")
    assert STAMP.sub("TIME", out) == (
        "quote_id,statement_id,speaker_id,speaker,speaker_kind,role,text,kind,cue,mention,article_id,title,"
        "outlet,url,published_at,start,end,spans,confidence,rule,updated_at,source,cue_start,cue_end,"
        "mention_start,mention_end,author,corrected\n"
        '1,3,2,Matteo Lindqvist,person,UN spokesman,"We are deeply concerned about the reports of deaths and '
        'injuries, and we call on all sides to refrain from violence",direct,said,Lindqvist,1,UN urges restraint '
        "in Kazakhstan,Northwire,https://northwire.example/kz,2022-01-10,1,116,[],0.9,nsubj-of-cue,TIME,wire.txt,,,,,,\n"
        "2,2,2,Matteo Lindqvist,person,UN spokesman,the UN had not received a request for assistance,indirect,"
        "said,Lindqvist,1,UN urges restraint in Kazakhstan,Northwire,https://northwire.example/kz,2022-01-10,"
        "170,218,[],0.9,nsubj-of-cue,TIME,wire.txt,,,,,,\n"
        "4,3,2,Matteo Lindqvist,person,,We are deeply concerned about the reports of deaths and injuries,direct,"
        "said,Lindqvist,2,Almaty counts the cost,Eastern Ledger,https://ledger.example/almaty,2022-01-11,1,65,[],"
        "0.9,nsubj-of-cue,TIME,ledger.txt,,,,,,\n")


def test_csv_and_jsonl_round_trip_to_the_same_records(invoke, stored, tmp_path):
    assert run(invoke, stored, "--format", "csv", "-o", tmp_path / "q.csv")[0] == 0
    code, out, err = run(invoke, stored, "--format", "jsonl", "-o", tmp_path / "q.jsonl")
    assert (code, out, err) == (0, "", f"Exported 6 quotes to {tmp_path / 'q.jsonl'}; "
                                       "next time pass --since-id 6 for newer ones\n")
    with open(tmp_path / "q.csv", encoding="utf-8", newline="") as fh:
        from_csv = list(csv.DictReader(fh))
    from_jsonl = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [tuple(row) for row in from_csv] == [EXPORT_COLUMNS] * 6
    assert [list(record) for record in from_jsonl] == [list(EXPORT_COLUMNS)] * 6
    as_text = [{key: as_csv_cell(value) for key, value in record.items()} for record in from_jsonl]
    assert from_csv == as_text
    assert [r["quote_id"] for r in from_jsonl] == [1, 2, 3, 4, 5, 6]


def as_csv_cell(value):
    if value is None:
        return ""
    return json.dumps(value) if isinstance(value, list) else str(value)


def test_incremental_feed_since_id(invoke, stored):
    code, out, err = run(invoke, stored, "--format", "jsonl", "--since-id", "4")
    assert [json.loads(line)["quote_id"] for line in out.splitlines()] == [5, 6]
    assert run(invoke, stored, "--format", "jsonl", "--since-id", "6") == (0, "", "Exported 0 quotes\n")
    code, out, err = run(invoke, stored, "--format", "jsonl", "--updated-since", "2999-01-01")
    assert (out, err) == ("", "Exported 0 quotes\n")
    code, out, err = run(invoke, stored, "--format", "jsonl", "--updated-since", "2000-01-01T00:00:00")
    assert len(out.splitlines()) == 6


def test_filters_as_in_by(invoke, stored):
    code, out, err = run(invoke, stored, "--format", "jsonl", "--kind", "indirect", "--outlet", "Northwire")
    assert [json.loads(line)["speaker"] for line in out.splitlines()] == ["Matteo Lindqvist", "Interior Ministry"]


def test_csl_json_one_item_per_article_with_its_quotes(invoke, stored):
    code, out, err = run(invoke, stored, "--format", "csl-json", "--speaker", "Matteo Lindqvist")
    items = json.loads(out)
    assert [item["title"] for item in items] == ["UN urges restraint in Kazakhstan", "Almaty counts the cost"]
    assert [len(item["custom"]["quotes"]) for item in items] == [2, 1]
    assert items[0]["note"].splitlines()[1].startswith("quote 2 [")
    assert err == "Exported 3 quotes as 2 article items; next time pass --since-id 4 for newer ones\n"


def test_per_quote_only_with_csl_json(invoke, stored):
    code, out, err = run(invoke, stored, "--format", "csv", "--per-quote")
    assert code == 2 and err.endswith("Error: --per-quote applies to --format csl-json, ris and bibtex only\n")


def test_csl_json_per_quote(invoke, stored):
    code, out, err = run(invoke, stored, "--format", "csl-json", "--per-quote", "--speaker", "Ruth Ashdown")
    [item] = json.loads(out)
    assert [q["quote_id"] for q in item.pop("custom")["quotes"]] == [6]  # quotes.citations' record copy
    assert [item] == [{
        "id": "quote-6", "type": "article-newspaper", "title": "Dockers end strike",
        "container-title": "Coastal Courier", "issued": {"date-parts": [[2022, 1, 12]]},
        "note": "Speaker: Ruth Ashdown\nRole: union secretary\nStatement: This is a fair offer"}]


def test_bom_for_excel(invoke, stored, tmp_path):
    run(invoke, stored, "--bom", "-o", tmp_path / "excel.csv", "--speaker", "Ruth Ashdown")
    data = (tmp_path / "excel.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfquote_id,")
    assert not (tmp_path / "excel.csv.part").exists()


def test_bom_only_with_csv(invoke, stored):
    code, out, err = run(invoke, stored, "--format", "jsonl", "--bom")
    assert code == 2 and err.endswith("Error: --bom applies to --format csv only\n")


def test_ambiguous_speaker(invoke, stored):
    code, out, err = run(invoke, stored, "--speaker", "Lindqvist")
    assert (code, out) == (1, "")
    assert err.startswith("Error: 2 speakers match 'Lindqvist':\n")


def test_help_shows_examples(invoke):
    assert "quotes export --format csv -o quotes.csv --bom" in invoke("export", "--help").output

