"""Copyright and faithfulness checks of the article tables against the reference copy of the article.

The reference copy lives outside the repository (../shared/seed/article.md, beside the clone), as the
article itself is not redistributed. CI always has it; on a machine without it these tests are skipped,
except under CI=true, where a missing copy is a failure.
"""

import os
import re
from pathlib import Path

import pytest

from statusquo import data

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.md"
LONGEST_SHARED_RUN = 7  # words: a paraphrase may share short phrases with the article, not sentences


@pytest.fixture(scope="module")
def paragraphs():
    if not SEED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"reference copy of the article not found at {SEED}")
        pytest.skip("reference copy of the article (../shared/seed/article.md) is not beside this clone")
    text = SEED.read_text(encoding="utf-8")
    found = dict(re.findall(r"^(P\d+)\. (.+)$", text, flags=re.MULTILINE))
    assert len(found) == 11
    return found


def words(text):
    return re.findall(r"[a-z0-9$%]+", text.lower().replace("’", "'").replace("'", ""))


def longest_common_run(a, b):
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def test_quotes_are_verbatim_short_and_in_their_paragraph(paragraphs):
    for row in data.load("quotes").itertuples():
        assert len(row.text.split()) <= 25, row.quote_id
        source = paragraphs[row.paragraph].replace("’", "'").replace("“", '"').replace("”", '"')
        assert row.text in source, f"{row.quote_id} is not verbatim in {row.paragraph}"


@pytest.mark.parametrize("table,column", [("claims", "statement"), ("paragraphs", "summary"),
                                          ("options", "description"), ("events", "description")])
def test_paraphrases_do_not_copy_the_article(paragraphs, table, column):
    article_words = words(" ".join(paragraphs.values()))
    for _, row in data.load(table).iterrows():
        run = longest_common_run(words(row[column]), article_words)
        assert run <= LONGEST_SHARED_RUN, f"{table}: {row.iloc[0]} shares {run} words in a row with the article"


def test_longest_common_run_finds_a_copied_sentence():
    copied = words("the more time he spends with Trump, the more chance")
    assert longest_common_run(copied, words("He said the more time he spends with Trump, the more chance of x")) == 10
