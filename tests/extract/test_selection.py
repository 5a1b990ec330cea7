"""Which sentences go through the expensive parse: only those that can hold a statement."""

from handparse import doc_from_rows
from quotes.extraction.extract import selected_sentences


def rows(*forms):
    return "\n".join(f"{form} {form} X 0 root" if i == 0 else f"{form} {form} X 1 dep" for i, form in enumerate(forms))


def test_only_sentences_with_a_cue_form_mark_colon_or_according_to():
    sentences = [
        ("The", "weather", "was", "fine", "."),
        ("She", "told", "us", "."),
        ("“", "Go", "”", "."),
        ("Snow", "fell", "according", "to", "forecasts", "."),
        ("Here", "is", "the", "list", ":"),
        ("Nothing", "else", "happened", "."),
        ("The", "firm", "vowed", "to", "go", "."),
    ]
    text = " ".join(" ".join(s) for s in sentences)
    doc = doc_from_rows(text, [rows(*s) for s in sentences])
    assert selected_sentences(doc) == {1, 2, 3, 4, 6}


def test_an_attribution_line_right_after_a_quote_is_parsed():
    # a press release's '“….” Ana Ruiz, head of research at Acme' split into two sentences by the tokenizer
    text = "“Labs can do it now.” Ana Ruiz, head of research at Acme\n\nSales rose in May.\nTom Berg, an analyst\n"
    sentences = [("“", "Labs", "can", "do", "it", "now", ".", "”"),
                 ("Ana", "Ruiz", ",", "head", "of", "research", "at", "Acme"),
                 ("Sales", "rose", "in", "May", "."),
                 ("Tom", "Berg", ",", "an", "analyst")]
    doc = doc_from_rows(text, [rows(*s) for s in sentences])
    assert selected_sentences(doc) == {0, 1}


def test_the_sentence_before_a_quote_opening_a_sentence_is_parsed():
    # 'issued a statement' holds no cue form, but announces the quote after it
    text = "Ana Ruiz issued a statement on the ruling. “We will appeal.” The weather was fine."
    sentences = [("Ana", "Ruiz", "issued", "a", "statement", "on", "the", "ruling", "."),
                 ("“", "We", "will", "appeal", ".", "”"),
                 ("The", "weather", "was", "fine", ".")]
    doc = doc_from_rows(text, [rows(*s) for s in sentences])
    assert selected_sentences(doc) == {0, 1}
