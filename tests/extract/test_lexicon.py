"""Word lists built from outside data: the first-name genders from the US Census files."""

from quotes.extraction.lexicon import GENDER_RATIO, census_first_name_genders, census_first_names, first_name_genders

MALE = ["JAMES          3.318  3.318      1", "JORDAN         0.100  5.000    100", "LESLIE         0.030  6.000    300",
        "MARY           0.001  9.000   1200"]
FEMALE = ["MARY           2.629  2.629      1", "JORDAN         0.040  4.000    300", "LESLIE         0.300  5.000     90",
          "DECLANA        0.001  9.000   4000"]


def test_one_sex_far_more_often_gives_a_gender_and_shared_names_none():
    genders = census_first_name_genders(MALE, FEMALE)
    assert genders == {"james": "m", "mary": "f", "declana": "f", "jordan": "either", "leslie": "either"}
    assert 0.3 / 0.03 < GENDER_RATIO


def test_the_shipped_list_reads_as_the_census_says():
    genders = first_name_genders()
    assert genders["janet"] == "f" and genders["david"] == "m"
    assert "jordan" not in genders and "leslie" not in genders and "chris" not in genders
    assert census_first_names()["chris"] == "either"
    assert len(genders) > 4000
