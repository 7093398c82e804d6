"""Citing sources: every cited id must exist, and the list is readable and ordered."""

import pytest

from statusquo.sources import source_list


def test_source_list_gives_publisher_title_link_and_reading_date():
    text = source_list(["nyt_article"]).split("\n\n", 1)[1]
    assert text.startswith("- The New York Times, *Japan seeks to preserve status quo with Trump.")
    assert "2025-02-06" in text and "<https://www.hawaiitribune-herald.com/" in text and "(read " in text


def test_duplicates_are_listed_once_and_sorted_by_publisher():
    lines = source_list(["nyt_article", "toi_gaza_proposal", "nyt_article", "ap_tariff_pause"]).splitlines()[2:]
    assert len(lines) == 3
    assert [line.split(",")[0] for line in lines] == ["- Manufacturing.net (Associated Press)",
                                                       "- The New York Times", "- The Times of Israel"]


def test_missing_publication_date_is_left_out_not_shown_as_nat():
    assert "NaT" not in source_list(["toi_gaza_proposal"])


def test_unknown_source_is_refused_by_name():
    with pytest.raises(KeyError, match="no_such_source"):
        source_list(["nyt_article", "no_such_source"])


def test_each_source_shows_its_tier():
    text = source_list(["nyt_article"])
    assert "tier: news, outlet's own reporting" in text


def test_dollar_signs_in_titles_are_written_as_usd():
    from statusquo.sources import without_maths

    assert without_maths("SoftBank pledges $100 billion, US$ 550 bn") == "SoftBank pledges USD 100 billion, USD 550 bn"


def test_the_list_opens_with_its_tier_counts_and_primary_or_wire_share():
    summary = source_list(["nyt_article", "ap_tariff_pause", "mod_wp2020_defense_spending_csv"]).splitlines()[0]
    assert summary.startswith("**3 sources** by tier: 1 primary, 1 wire, 1 news, 0 copy, 0 secondary;")
    assert summary.endswith("2 of 3 (67%) are primary sources or a news agency's own text.")


def test_an_empty_list_says_so_instead_of_dividing_by_zero():
    assert source_list([]) == "**No sources** listed.\n"
