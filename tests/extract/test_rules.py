"""The one table of rules: labels and confidences are made from it, and every finder says what it means."""

from quotes.extraction import rules
from quotes.extraction.attribute import Attribution


def test_labels_and_confidences_come_from_the_table():
    assert rules.label("cue", "nsubj-of-cue", named=True) == "nsubj-of-cue"
    assert rules.label("cue", "", named=False) == ":no-speaker"
    assert rules.label("cue-unlinked", "inverted", named=True) == "inverted:unlinked"
    assert rules.label("lead-in", "nsubj-of-cue", named=False) == "object:nsubj-of-cue"
    assert rules.label("ccomp", "relative", named=True) == "ccomp:relative"
    assert rules.label("according-to", "according-to", named=True) == "according-to"
    assert (rules.confidence("cue", True), rules.confidence("cue", False)) == (0.9, 0.54)
    assert rules.with_resolution("ccomp:nsubj-of-cue", "pronoun") == "ccomp:nsubj-of-cue+pronoun"
    assert rules.with_resolution("dash", "") == "dash"
    assert rules.base_rule("colon:nsubj-of-cue+surname") == "colon"


def test_every_rule_has_a_meaning_and_a_confidence_in_range():
    for finder in rules.FINDERS.values():
        assert finder.meaning and 0 < finder.unnamed <= finder.confidence <= 1
    assert all(rules.SPEAKER_LABELS.values()) and all(rules.RESOLUTIONS.values())


def test_an_attribution_reads_its_rule_from_the_table():
    found = Attribution([(0, 5)], "direct", (6, 10), None, "no-cue")
    assert (found.rule, found.confidence) == ("no-cue", 0.3)


def test_the_rule_label_is_made_once_from_the_provenance_fields():
    from quotes.extraction.attribute import Mention
    from quotes.extraction.speaker_rules import SPEAKER_RULES, SpeakerHit

    subject = next(rule for rule in SPEAKER_RULES if rule.name == "subject")
    joined = next(rule for rule in SPEAKER_RULES if rule.name == "coordinated-after-and")
    mention = Mention(0, 5, [], 0)
    found = Attribution([(6, 10)], "direct", (0, 5), mention, "colon-cue", SpeakerHit(None, subject, joined))
    assert (found.rule, found.speaker_rule) == ("colon:nsubj-of-cue", "nsubj-of-cue")
    found.resolution = "surname"
    assert found.rule == "colon:nsubj-of-cue+surname"
    assert found.provenance == ("finder:colon-cue", "speaker:coordinated-after-and", "speaker:subject",
                                "resolution:surname")
