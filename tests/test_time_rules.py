"""Every rule and every table entry example of the time resources is run."""

from __future__ import annotations

import pytest

from lagebild.timex.grammar import grammar
from lagebild.timex.lexicon import examples, lookup
from test_time_support import check_example

RULE_EXAMPLES = [(lang, r.name, ex) for lang in ("de", "en") for r in grammar(lang).rules
                 for ex in r.examples]


@pytest.mark.parametrize("lang,rule,example", RULE_EXAMPLES,
                         ids=[f"{lang}:{rule}:{ex['text']}" for lang, rule, ex in RULE_EXAMPLES])
def test_rule_example(lang: str, rule: str, example: dict) -> None:
    check_example(lang, example)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_rule_has_an_example(lang: str) -> None:
    assert all(r.examples for r in grammar(lang).rules), [r.name for r in grammar(lang).rules if not r.examples]


LEXICON_EXAMPLES = [(lang, *ex) for lang in ("de", "en") for ex in examples(lang)]


@pytest.mark.parametrize("lang,table,surface,value", LEXICON_EXAMPLES,
                         ids=[f"{x[0]}:{x[1]}:{x[2]}" for x in LEXICON_EXAMPLES])
def test_lexicon_example(lang: str, table: str, surface: str, value: object) -> None:
    assert lookup(lang, table, surface) == value
