import csv
import io
import json
from dataclasses import dataclass
from datetime import date

import click
import pytest
from click.testing import CliRunner

from quotes.cli.render import fit_widths, output_options, render


@dataclass
class Row:
    id: int
    name: str
    seen: date | None
    roles: list


ROWS = [Row(1, "Matteo Lindqvist", date(2022, 1, 10), ["UN spokesman", "spokesman"]),
        Row(12, "Interior Ministry of Kazakhstan, which speaks for the police", None, [])]


@click.command()
@click.option("--empty", is_flag=True)
@output_options
def listing(fmt, empty):
    render([] if empty else ROWS, fmt, columns=("id", "name", "seen", "roles"))


def run(*args, columns="40"):
    result = CliRunner(env={"COLUMNS": columns}).invoke(listing, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_table_wraps_to_the_terminal_and_right_aligns_numbers():
    assert run() == (0, (
        "id  name         seen        roles\n"
        "--  -----------  ----------  -----------\n"
        " 1  Matteo       2022-01-10  UN\n"
        "    Lindqvist                spokesman;\n"
        "                             spokesman\n"
        "12  Interior\n"
        "    Ministry of\n"
        "    Kazakhstan,\n"
        "    which\n"
        "    speaks for\n"
        "    the police\n"))


def test_wide_terminal_needs_no_wrapping():
    code, output = run(columns="200")
    assert output.splitlines()[2] == " 1  Matteo Lindqvist                                              2022-01-10  " \
                                     "UN spokesman; spokesman"


def test_json_array_and_lines():
    assert run("--json") == (0, '[{"id": 1, "name": "Matteo Lindqvist", "seen": "2022-01-10", '
                                '"roles": ["UN spokesman", "spokesman"]},\n'
                                ' {"id": 12, "name": "Interior Ministry of Kazakhstan, which speaks for the police", '
                                '"seen": null, "roles": []}]\n')
    code, output = run("--nl")
    assert [json.loads(line)["id"] for line in output.splitlines()] == [1, 12]
    assert run("--json", "--empty") == (0, "[]\n")


def test_csv_and_tsv():
    assert run("--csv") == (0, 'id,name,seen,roles\n1,Matteo Lindqvist,2022-01-10,UN spokesman; spokesman\n'
                               '12,"Interior Ministry of Kazakhstan, which speaks for the police",,\n')
    code, output = run("--format", "tsv")
    assert list(csv.reader(io.StringIO(output), delimiter="\t"))[1] == \
        ["1", "Matteo Lindqvist", "2022-01-10", "UN spokesman; spokesman"]
    assert run("--csv", "--empty") == (0, "id,name,seen,roles\n")


def test_empty_table_prints_nothing():
    assert run("--empty") == (0, "")


def test_two_formats_is_a_usage_error():
    code, output = run("--csv", "--format", "json")
    assert code == 2
    assert output.endswith("Error: choose one output format, not csv and json\n")


@pytest.mark.parametrize("natural, words, width, expected", [
    ([5, 10], [5, 4], 80, [5, 10]),
    ([5, 100, 40], [5, 12, 9], 80, [5, 35, 35]),
    ([12, 30, 30], [12, 9, 9], 40, [12, 12, 12]),
    ([12, 30, 30], [12, 9, 9], 30, [8, 8, 8]),
    ([20, 20], [20, 20], 10, [4, 4]),
])
def test_fit_widths(natural, words, width, expected):
    assert fit_widths(natural, [2, 4, 4][:len(natural)], width, words=words) == expected
